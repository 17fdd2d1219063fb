"""Each region's rows live in its own schema; nothing crosses without tenants.crossing."""

from tenants.crossing import each_region, in_region
from workflow.models import Notice


def test_a_notice_written_in_urumqi_is_invisible_from_kashgar(db):
    with in_region("urumqi"):
        Notice.objects.create(title="2026年度乌鲁木齐市职称评审通知")
    with in_region("kashgar"):
        assert not Notice.objects.filter(title__contains="乌鲁木齐").exists()
    with in_region("urumqi"):
        assert Notice.objects.filter(title__contains="乌鲁木齐").count() == 1


def test_a_region_page_shows_only_its_own_notices(db, host_client):
    with in_region("hotan"):
        Notice.objects.create(title="和田地区中小学教师评审安排")
    with in_region("altay"):
        Notice.objects.create(title="阿勒泰地区卫生系列评审安排")

    hotan_page = host_client("hotan").get("/").content.decode()
    altay_page = host_client("altay").get("/").content.decode()

    assert "和田地区中小学教师评审安排" in hotan_page
    assert "阿勒泰地区卫生系列评审安排" not in hotan_page
    assert "阿勒泰地区卫生系列评审安排" in altay_page


def test_walking_every_region_visits_fifteen_schemas(db):
    visited = [region.schema_name for region in each_region()]
    assert visited[0] == "xj"
    assert len(visited) == 15
    assert len(set(visited)) == 15


def test_entering_an_unknown_region_fails_loudly(db):
    import pytest

    from tenants.models import Region

    with pytest.raises(Region.DoesNotExist), in_region("atlantis"):
        pass
