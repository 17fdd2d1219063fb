"""The 属地化 rule (manual (4)): one is reviewed where one's unit is; where that region has no
committee for the specialty and level, at the autonomous region (xj)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.models import Qualification, Unit
from tenants.crossing import current_region_code, in_region
from tenants.directory import AUTONOMOUS_REGION_CODE
from workflow.models import Committee


@dataclass(frozen=True)
class LocalityAdvice:
    level: str  # "ok", "notice" or "warning"
    message: str


def _reviews_there(region_code: str, qualification: Qualification) -> bool:
    with in_region(region_code):
        return any(
            c.reviews_level(qualification.specialty.series.code, qualification.level)
            for c in Committee.objects.filter(is_active=True)
        )


def locality_advice(*, unit: Unit, qualification: Qualification) -> LocalityAdvice:
    here = current_region_code()
    home = unit.region
    if home.schema_name == here:
        return LocalityAdvice("ok", "")
    if here == AUTONOMOUS_REGION_CODE and not _reviews_there(home.schema_name, qualification):
        return LocalityAdvice(
            "notice",
            _("您的单位属于%(home)s，该地区没有此专业（级别）的评审，按属地化原则到自治区评审。")
            % {"home": home.name},
        )
    return LocalityAdvice(
        "warning",
        _(
            "您的单位属于%(home)s。按“属地化”原则，工作单位在哪职称就在哪评审：请在%(home)s申报；"
            "如果%(home)s没有该专业（或级别）的评审，则到自治区评审。选错时可通过“更改资格”修改。"
        )
        % {"home": home.name},
    )
