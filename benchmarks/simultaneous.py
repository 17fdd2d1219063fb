"""Routed and control loaded at the same time: a routing ratio other processes cannot skew.

Each targeted pair also runs side by side, both servers driven at once by two load generators.
Two saturated servers share the CPU about evenly whatever else runs on the machine, so the
ratio of their throughputs is the ratio of their costs per request — the figure the 0.90 target
is about — even when someone else's tests take a core away halfway through a round.
"""

import argparse
import statistics
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from .measure import Measurement
from .scenarios import Scenario


@dataclass
class PairResult:
    scenario: Scenario
    control: Scenario
    rounds: list[tuple[Measurement, Measurement]] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        """Per-round ratios, leaving out rounds in which a worker was recycled when two remain."""
        steady = [(a, b) for a, b in self.rounds if not (a.recycled or b.recycled)]
        rounds = steady if len(steady) >= 2 else self.rounds
        return [a.rps / b.rps for a, b in rounds if b.rps]

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    @property
    def errors(self) -> int:
        return sum(a.errors + b.errors for a, b in self.rounds)

    @property
    def meets_target(self) -> bool | None:
        target, ratio = self.scenario.target, self.ratio
        return None if target is None or ratio is None else ratio >= target


def targeted_pairs(scenarios: list[Scenario]) -> list[tuple[Scenario, Scenario]]:
    """(scenario, its control) for every scenario with a target whose control is selected."""
    by_name = {scenario.name: scenario for scenario in scenarios}
    return [
        (scenario, by_name[scenario.control])
        for scenario in scenarios
        if scenario.target is not None and scenario.control in by_name
    ]


def run_pairs(
    pairs: list[tuple[Scenario, Scenario]],
    measure: Callable[[Scenario], Measurement],
    args: argparse.Namespace,
) -> list[PairResult]:
    results = [PairResult(scenario, control) for scenario, control in pairs]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for turn in range(args.rounds):
            for result in results:
                mine = pool.submit(measure, result.scenario)
                theirs = pool.submit(measure, result.control)
                a, b = mine.result(), theirs.result()
                result.rounds.append((a, b))
                note = "  (worker recycled)" if a.recycled or b.recycled else ""
                print(
                    f"  [{turn + 1}/{args.rounds}] {result.scenario.name:<24} with "
                    f"{result.control.name:<16} {a.rps:8.1f} / {b.rps:8.1f} req/s = "
                    f"{a.rps / b.rps if b.rps else 0.0:.2f}{note}",
                    flush=True,
                )
    return results


def table(results: list[PairResult]) -> str:
    header = f"{'side by side':<44} {'ratio':>6} {'min':>6} {'max':>6} {'errors':>6}  target"
    lines = [header, "-" * len(header)]
    for result in results:
        ratios, target = result.ratios, result.scenario.target
        verdict = (
            ""
            if result.meets_target is None
            else f"≥{target:.2f} " + ("ok" if result.meets_target else "MISSED")
        )
        label = f"{result.scenario.name} / {result.control.name}"
        if not ratios:
            lines.append(f"{label:<44} {'—':>6}")
            continue
        lines.append(
            f"{label:<44} {result.ratio:>6.2f} {min(ratios):>6.2f} {max(ratios):>6.2f} "
            f"{result.errors:>6d}  {verdict}"
        )
    return "\n".join(lines)


def as_json(results: list[PairResult]) -> list[dict[str, object]]:
    return [
        {
            "scenario": result.scenario.name,
            "control": result.control.name,
            "target": result.scenario.target,
            "ratio": None if result.ratio is None else round(result.ratio, 3),
            "meets_target": result.meets_target,
            "ratios": [round(ratio, 3) for ratio in result.ratios],
            "errors": result.errors,
            "rps": [[round(a.rps, 1), round(b.rps, 1)] for a, b in result.rounds],
        }
        for result in results
    ]
