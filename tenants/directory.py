"""The regions of Xinjiang as the platform knows them (DESIGN.md §2).

Data, not behaviour: `regions.bootstrap_regions()` turns this list into tenants.
"""

from dataclasses import dataclass

PUBLIC_CODE = "public"
AUTONOMOUS_REGION_CODE = "xj"


@dataclass(frozen=True)
class RegionSpec:
    code: str
    name: str
    full_name: str
    is_south_four: bool = False


REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec("xj", "自治区", "新疆维吾尔自治区"),
    RegionSpec("urumqi", "乌鲁木齐市", "乌鲁木齐市"),
    RegionSpec("karamay", "克拉玛依市", "克拉玛依市"),
    RegionSpec("turpan", "吐鲁番市", "吐鲁番市"),
    RegionSpec("hami", "哈密市", "哈密市"),
    RegionSpec("changji", "昌吉回族自治州", "昌吉回族自治州"),
    RegionSpec("bortala", "博尔塔拉蒙古自治州", "博尔塔拉蒙古自治州"),
    RegionSpec("bayingolin", "巴音郭楞蒙古自治州", "巴音郭楞蒙古自治州"),
    RegionSpec("ili", "伊犁哈萨克自治州", "伊犁哈萨克自治州"),
    RegionSpec("kizilsu", "克孜勒苏柯尔克孜自治州", "克孜勒苏柯尔克孜自治州", is_south_four=True),
    RegionSpec("aksu", "阿克苏地区", "阿克苏地区", is_south_four=True),
    RegionSpec("kashgar", "喀什地区", "喀什地区", is_south_four=True),
    RegionSpec("hotan", "和田地区", "和田地区", is_south_four=True),
    RegionSpec("tacheng", "塔城地区", "塔城地区"),
    RegionSpec("altay", "阿勒泰地区", "阿勒泰地区"),
)
