"""The results: a table on the terminal and JSON in benchmarks/results/latest.json.

Every scenario runs in several short rounds spread over the whole run; each figure is the
median over the rounds, and a ratio is the median of the per-round ratios to the control
measured in the same round, so a burst of load from another process skews one round, not both
sides of a comparison. "DB trips" are the statements sent to PostgreSQL per request, counted in
process by benchmarks.roundtrips (health checks and `SET search_path` included).
"""

import json
import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .measure import Measurement
from .scenarios import Scenario

# A round during which other processes used more than this many cores, or a gunicorn worker was
# recycled, is "noisy".
NOISY_CORES = 0.25


@dataclass
class Result:
    scenario: Scenario
    samples: list[Measurement] = field(default_factory=list)  # one per round
    trips: dict[str, object] = field(default_factory=dict)  # from benchmarks.roundtrips
    broken: str | None = None  # why the scenario could not be measured

    def median(self, figure: Callable[[Measurement], float | None]) -> float | None:
        values = [value for value in map(figure, self.samples) if value is not None]
        return statistics.median(values) if values else None

    @property
    def errors(self) -> int:
        return sum(sample.errors for sample in self.samples)


@dataclass(frozen=True)
class Comparison:
    ratio: float | None  # req/s of the scenario / req/s of its control, same round
    cpu_ratio: float | None  # server CPU per request: the control's / the scenario's
    meets_target: bool | None
    quiet_rounds: int  # rounds compared in which neither side had company on the machine


def quiet(sample: Measurement) -> bool:
    """No one else busy on the machine, and no worker recycled, during the round."""
    calm = sample.other_cores is None or sample.other_cores <= NOISY_CORES
    return calm and not sample.recycled


def _pairs(mine: Result, theirs: Result) -> list[tuple[Measurement, Measurement]]:
    """Same-round pairs; only the quiet ones when at least two rounds were quiet on both sides."""
    pairs = list(zip(mine.samples, theirs.samples, strict=False))
    calm = [(a, b) for a, b in pairs if quiet(a) and quiet(b)]
    return calm if len(calm) >= 2 else pairs


def _paired(
    mine: Result, theirs: Result, ratio: Callable[[Measurement, Measurement], float | None]
) -> float | None:
    values = [ratio(a, b) for a, b in _pairs(mine, theirs)]
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def _rps_ratio(mine: Measurement, theirs: Measurement) -> float | None:
    return mine.rps / theirs.rps if theirs.rps else None


def _cpu_ratio(mine: Measurement, theirs: Measurement) -> float | None:
    if not mine.cpu_ms_per_request or not theirs.cpu_ms_per_request:
        return None
    return theirs.cpu_ms_per_request / mine.cpu_ms_per_request


def compare(result: Result, results: dict[str, Result]) -> Comparison:
    control = results.get(result.scenario.control or "")
    if control is None:
        return Comparison(None, None, None, 0)
    ratio = _paired(result, control, _rps_ratio)
    target = result.scenario.target
    meets = None if target is None or ratio is None else ratio >= target
    calm = sum(quiet(a) and quiet(b) for a, b in _pairs(result, control))
    return Comparison(ratio, _paired(result, control, _cpu_ratio), meets, calm)


def _host_label(scenario: Scenario) -> str:
    hosts = scenario.hosts
    return hosts[0] if len(hosts) == 1 else f"{hosts[0]} +{len(hosts) - 1}"


def _trips(result: Result) -> str:
    """Statements per request, e.g. `2` or `3 +SET` when one of them is `SET search_path`."""
    if not result.trips:
        return "—"
    per_request = result.trips.get("per_request") or {}
    label = f"{result.trips['round_trips']:g}"
    return label + (" +SET" if per_request.get("set_search_path", 0) >= 0.05 else "")


def _number(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def table(results: dict[str, Result]) -> str:
    header = (
        f"{'scenario':<24} {'host':<20} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'DB trips':>8} {'CPU ms/req':>10} {'others':>6} {'ratio':>6} {'CPU ratio':>9}  target"
    )
    lines = [header, "-" * len(header)]
    for result in results.values():
        if result.broken:
            lines.append(f"{result.scenario.name:<24} BROKEN: {result.broken[:90]}")
            continue
        comparison, target = compare(result, results), result.scenario.target
        verdict = ""
        if target is not None and comparison.meets_target is not None:
            verdict = f"≥{target:.2f} " + ("ok" if comparison.meets_target else "MISSED")
            if comparison.quiet_rounds < 2:
                verdict += " (noisy)"
        elif result.scenario.control:
            verdict = f"(vs {result.scenario.control})"
        lines.append(
            f"{result.scenario.name:<24} {_host_label(result.scenario):<20} "
            f"{_number(result.median(lambda s: s.rps), 1):>8} "
            f"{_number(result.median(lambda s: s.p50_ms)):>7} "
            f"{_number(result.median(lambda s: s.p99_ms)):>7} "
            f"{result.errors:>6d} {_trips(result):>8} "
            f"{_number(result.median(lambda s: s.cpu_ms_per_request), 3):>10} "
            f"{_number(result.median(lambda s: s.other_cores)):>6} "
            f"{_number(comparison.ratio):>6} {_number(comparison.cpu_ratio):>9}  {verdict}".rstrip()
        )
    return "\n".join(lines)


def _rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def as_json(results: dict[str, Result]) -> list[dict[str, object]]:
    rows = []
    for result in results.values():
        scenario, comparison = result.scenario, compare(result, results)
        rows.append(
            {
                "name": scenario.name,
                "server": scenario.server,
                "hosts": list(scenario.hosts),
                "path": scenario.path,
                "expect": scenario.expect,
                "what": scenario.what,
                "control": scenario.control,
                "target": scenario.target,
                "rps": _rounded(result.median(lambda s: s.rps), 1),
                "p50_ms": _rounded(result.median(lambda s: s.p50_ms)),
                "p99_ms": _rounded(result.median(lambda s: s.p99_ms)),
                "errors": result.errors,
                "cpu_ms_per_request": _rounded(result.median(lambda s: s.cpu_ms_per_request)),
                "ratio": _rounded(comparison.ratio),
                "cpu_ratio": _rounded(comparison.cpu_ratio),
                "meets_target": comparison.meets_target,
                "quiet_rounds_compared": comparison.quiet_rounds,
                "broken": result.broken,
                "requests": sum(sample.requests for sample in result.samples),
                "db_round_trips": result.trips or None,
                "db_cpu_ms_per_request": _rounded(result.median(lambda s: s.db_cpu_ms_per_request)),
                "other_cores": _rounded(result.median(lambda s: s.other_cores), 2),
                "rounds": [{**asdict(s), "rps": round(s.rps, 1)} for s in result.samples],
            }
        )
    return rows


def write(document: dict[str, object], *paths: Path) -> None:
    text = json.dumps(document, indent=2, ensure_ascii=False)
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")


# Sections of results/latest.json that other benchmarks write (benchmarks.scale, .contention,
# .regions): a harness run replaces its own figures and keeps these.
OTHER_SECTIONS = ("scale", "contention", "regions")


def keeping_other_sections(document: dict[str, object], path: Path) -> dict[str, object]:
    """`document` plus the other benchmarks' sections of the JSON file at `path`, if any."""
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return document
    kept = {key: previous[key] for key in OTHER_SECTIONS if key in previous}
    return {**document, **kept}
