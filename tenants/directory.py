"""The regions of Xinjiang as the platform knows them (DESIGN.md §2).

Data, not behaviour: `regions.bootstrap_regions()` turns this list into tenants.
"""

from dataclasses import dataclass

PUBLIC_CODE = "public"

# The public site's row: its names in the three languages.
PUBLIC_NAMES = {
    "name": "新疆职称管理平台",
    "full_name": "新疆专业技术人员职称管理平台",
    "name_en": "Xinjiang Professional Title Platform",
    "full_name_en": "Xinjiang Professional and Technical Personnel Title Platform",
    "name_ug": "شىنجاڭ كەسپىي ئۇنۋان سۇپىسى",
    "full_name_ug": "شىنجاڭ كەسپىي تېخنىكا خادىملىرى كەسپىي ئۇنۋان سۇپىسى",
}
AUTONOMOUS_REGION_CODE = "xj"


@dataclass(frozen=True)
class RegionSpec:
    code: str
    name: str
    full_name: str
    is_south_four: bool = False
    # The names in English and Uyghur as they are officially written (tenants.translated).
    name_en: str = ""
    full_name_en: str = ""
    name_ug: str = ""
    full_name_ug: str = ""

    def translations(self) -> dict[str, str]:
        """The English and Uyghur columns of the region's row."""
        return {
            "name_en": self.name_en,
            "full_name_en": self.full_name_en,
            "name_ug": self.name_ug,
            "full_name_ug": self.full_name_ug,
        }


REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec(
        "xj",
        "自治区",
        "新疆维吾尔自治区",
        is_south_four=False,
        name_en="Autonomous Region",
        full_name_en="Xinjiang Uygur Autonomous Region",
        name_ug="ئاپتونوم رايون",
        full_name_ug="شىنجاڭ ئۇيغۇر ئاپتونوم رايونى",
    ),
    RegionSpec(
        "urumqi",
        "乌鲁木齐市",
        "乌鲁木齐市",
        is_south_four=False,
        name_en="Urumqi",
        full_name_en="Urumqi City",
        name_ug="ئۈرۈمچى شەھىرى",
        full_name_ug="ئۈرۈمچى شەھىرى",
    ),
    RegionSpec(
        "karamay",
        "克拉玛依市",
        "克拉玛依市",
        is_south_four=False,
        name_en="Karamay",
        full_name_en="Karamay City",
        name_ug="قاراماي شەھىرى",
        full_name_ug="قاراماي شەھىرى",
    ),
    RegionSpec(
        "turpan",
        "吐鲁番市",
        "吐鲁番市",
        is_south_four=False,
        name_en="Turpan",
        full_name_en="Turpan City",
        name_ug="تۇرپان شەھىرى",
        full_name_ug="تۇرپان شەھىرى",
    ),
    RegionSpec(
        "hami",
        "哈密市",
        "哈密市",
        is_south_four=False,
        name_en="Hami",
        full_name_en="Hami City",
        name_ug="قۇمۇل شەھىرى",
        full_name_ug="قۇمۇل شەھىرى",
    ),
    RegionSpec(
        "changji",
        "昌吉回族自治州",
        "昌吉回族自治州",
        is_south_four=False,
        name_en="Changji Prefecture",
        full_name_en="Changji Hui Autonomous Prefecture",
        name_ug="سانجى ئوبلاستى",
        full_name_ug="سانجى خۇيزۇ ئاپتونوم ئوبلاستى",
    ),
    RegionSpec(
        "bortala",
        "博尔塔拉蒙古自治州",
        "博尔塔拉蒙古自治州",
        is_south_four=False,
        name_en="Bortala Prefecture",
        full_name_en="Bortala Mongol Autonomous Prefecture",
        name_ug="بۆرتالا ئوبلاستى",
        full_name_ug="بۆرتالا موڭغۇل ئاپتونوم ئوبلاستى",
    ),
    RegionSpec(
        "bayingolin",
        "巴音郭楞蒙古自治州",
        "巴音郭楞蒙古自治州",
        is_south_four=False,
        name_en="Bayingolin Prefecture",
        full_name_en="Bayingolin Mongol Autonomous Prefecture",
        name_ug="بايىنغولىن ئوبلاستى",
        full_name_ug="بايىنغولىن موڭغۇل ئاپتونوم ئوبلاستى",
    ),
    RegionSpec(
        "ili",
        "伊犁哈萨克自治州",
        "伊犁哈萨克自治州",
        is_south_four=False,
        name_en="Ili Prefecture",
        full_name_en="Ili Kazakh Autonomous Prefecture",
        name_ug="ئىلى ئوبلاستى",
        full_name_ug="ئىلى قازاق ئاپتونوم ئوبلاستى",
    ),
    RegionSpec(
        "kizilsu",
        "克孜勒苏柯尔克孜自治州",
        "克孜勒苏柯尔克孜自治州",
        is_south_four=True,
        name_en="Kizilsu Prefecture",
        full_name_en="Kizilsu Kirghiz Autonomous Prefecture",
        name_ug="قىزىلسۇ ئوبلاستى",
        full_name_ug="قىزىلسۇ قىرغىز ئاپتونوم ئوبلاستى",
    ),
    RegionSpec(
        "aksu",
        "阿克苏地区",
        "阿克苏地区",
        is_south_four=True,
        name_en="Aksu Prefecture",
        full_name_en="Aksu Prefecture",
        name_ug="ئاقسۇ ۋىلايىتى",
        full_name_ug="ئاقسۇ ۋىلايىتى",
    ),
    RegionSpec(
        "kashgar",
        "喀什地区",
        "喀什地区",
        is_south_four=True,
        name_en="Kashgar Prefecture",
        full_name_en="Kashgar Prefecture",
        name_ug="قەشقەر ۋىلايىتى",
        full_name_ug="قەشقەر ۋىلايىتى",
    ),
    RegionSpec(
        "hotan",
        "和田地区",
        "和田地区",
        is_south_four=True,
        name_en="Hotan Prefecture",
        full_name_en="Hotan Prefecture",
        name_ug="خوتەن ۋىلايىتى",
        full_name_ug="خوتەن ۋىلايىتى",
    ),
    RegionSpec(
        "tacheng",
        "塔城地区",
        "塔城地区",
        is_south_four=False,
        name_en="Tacheng Prefecture",
        full_name_en="Tacheng Prefecture",
        name_ug="تارباغاتاي ۋىلايىتى",
        full_name_ug="تارباغاتاي ۋىلايىتى",
    ),
    RegionSpec(
        "altay",
        "阿勒泰地区",
        "阿勒泰地区",
        is_south_four=False,
        name_en="Altay Prefecture",
        full_name_en="Altay Prefecture",
        name_ug="ئالتاي ۋىلايىتى",
        full_name_ug="ئالتاي ۋىلايىتى",
    ),
)
