"""The catalog in the database: loading the data files, versioned section forms checked in
Chinese, the public catalog API, and the central office's pages (others get a 404)."""

import copy
import json
import time

import pytest
from jsonschema import Draft202012Validator

from core.catalog.data import iter_qualifications, load_catalog, load_conditions, load_form
from core.catalog.forms import (
    form_current,
    form_section,
    form_sections,
    form_validate_section,
    section_complete,
)
from core.catalog.manage import form_publish
from core.catalog.sync import catalog_sync, form_definition_of, form_sync
from core.models import (
    AuditEvent,
    AuditKind,
    ConditionSet,
    Qualification,
    Role,
    SectionForm,
    Series,
    Specialty,
)
from tenants.models import Region
from tests.core.test_catalog_data import iter_properties, sample

FORM_KEYS = ["teacher", "general"]
V = load_form("teacher")["version"]  # the version the data file holds (stored as such)


@pytest.fixture
def catalog(db):
    return catalog_sync()


@pytest.fixture
def central(make_user):
    return make_user(Role.CENTRAL_OFFICE, name="自治区职称办")


@pytest.fixture
def urumqi_admin(make_user):
    return make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi"))


def teacher_basic(**changes):
    data = sample(form_section(form_current("teacher"), "basic")["schema"])
    return {**data, **changes}


# --- loading the data files ------------------------------------------------------------------


def test_sync_loads_everything_and_a_second_run_creates_nothing(db):
    started = time.perf_counter()
    first = catalog_sync()
    first_seconds = time.perf_counter() - started

    series = load_catalog()["series"]
    specialties = [spec for s in series for spec in s["specialties"]]
    qualifications = list(iter_qualifications())
    conditions = load_conditions()["conditions"]
    active = Qualification.objects.filter(is_active=True)
    assert set(Series.objects.filter(is_active=True).values_list("code", flat=True)) == {
        s["code"] for s in series
    }
    assert Specialty.objects.filter(is_active=True).count() == len(specialties)
    assert active.count() == len(qualifications) == first["qualifications"]["total"]
    assert ConditionSet.objects.count() == len(conditions) == first["conditions"]["total"]
    assert set(SectionForm.objects.values_list("key", "version")) >= {
        (k, load_form(k)["version"]) for k in FORM_KEYS
    }
    assert first["form_versions"]["teacher"] == V

    started = time.perf_counter()
    second = catalog_sync()
    second_seconds = time.perf_counter() - started
    for part in ("series", "specialties", "qualifications", "conditions"):
        assert second[part]["created"] == second[part]["updated"] == 0, part
    assert second["forms"] == {"created": 0, "unchanged": len(FORM_KEYS), "renumbered": 0}
    assert second["conditions"]["deleted"] == 0
    assert first_seconds < 1.0 and second_seconds < 0.5, (first_seconds, second_seconds)


def test_the_rows_follow_the_file(catalog):
    chinese = Qualification.objects.select_related("specialty__series").get(
        code="school-teacher-chinese-assistant"
    )
    assert (chinese.name, chinese.level, chinese.grade) == ("二级教师", "junior", "assistant")
    assert chinese.specialty.series.form_key == "teacher"
    assert Specialty.objects.get(code="health-nursing").group == "nursing"
    health = ConditionSet.objects.filter(series__code="health", level="deputy_senior")
    assert sorted(c.specialty_groups for c in health) == [
        ["medical"],
        ["nursing", "pharmacy", "technology"],
    ]


def test_a_row_the_file_no_longer_lists_is_closed_not_deleted(catalog):
    specialty = Specialty.objects.get(code="school-teacher-math")
    old = Qualification.objects.create(
        specialty=specialty, code="school-teacher-math-old", level="junior", name="旧资格"
    )
    Qualification.objects.filter(code="school-teacher-math-intermediate").update(name="改过的")

    result = catalog_sync()

    old.refresh_from_db()
    assert old.is_active is False
    assert result["qualifications"]["deactivated"] == 1
    assert result["qualifications"]["updated"] == 1
    assert Qualification.objects.get(code="school-teacher-math-intermediate").name == "一级教师"


def test_a_changed_form_definition_becomes_a_new_version_and_the_old_one_stays(catalog):
    original = form_current("teacher")
    before = copy.deepcopy(original.definition)
    changed = copy.deepcopy(load_form("teacher"))  # same version number, other content
    changed["sections"][0]["title"] = "基本情况"

    outcome, stored = form_sync(changed)

    assert (outcome, stored.version) == ("renumbered", V + 1)
    assert form_current("teacher").pk == stored.pk
    original.refresh_from_db()
    assert original.definition == before
    assert original.sections[0]["title"] == "基本信息"
    assert form_sync(changed)[0] == "unchanged"  # idempotent once stored
    assert form_sync(load_form("teacher"))[0] == "unchanged"  # version V is still the file's

    bumped = {**copy.deepcopy(changed), "version": V + 4}
    bumped["sections"][1]["title"] = "教师基本情况"
    assert [*form_sync(bumped)[:1], form_current("teacher").version] == ["created", V + 4]


def test_loading_again_keeps_a_version_the_central_office_published(catalog):
    document = {"title": "教师系列职称申请书（2027）", **form_definition_of(load_form("teacher"))}
    published = form_publish(key="teacher", document=document)

    result = catalog_sync()

    assert result["forms"]["created"] == result["forms"]["renumbered"] == 0
    assert form_current("teacher").pk == published.pk


# --- section forms: schemas and Chinese errors -----------------------------------------------


@pytest.mark.parametrize("key", FORM_KEYS)
def test_a_stored_form_reads_back_as_written_with_its_fields_in_order(catalog, key):
    # jsonb sorts object keys by length; the order of properties must survive storage
    written = load_form(key)["sections"]
    stored = form_sections(form_current(key))
    assert stored == written
    for mine, theirs in zip(stored, written, strict=True):
        assert [p for p, _ in iter_properties(mine["schema"])] == [
            p for p, _ in iter_properties(theirs["schema"])
        ]
        assert "x-order" not in json.dumps(mine)
        assert list(form_section(form_current(key), mine["key"])["schema"]["properties"]) == list(
            theirs["schema"]["properties"]
        )


@pytest.mark.parametrize("key", FORM_KEYS)
def test_every_stored_schema_is_valid_and_a_generated_value_completes_its_section(catalog, key):
    form = form_current(key)
    for section in form.sections:
        schema = section["schema"]
        Draft202012Validator.check_schema(schema)
        for full in (False, True):
            value = sample(schema, full=full)
            assert form_validate_section(form, section["key"], value) == {}, section["key"]
        needed = schema["x-min-attachments"]
        assert section_complete(form, section["key"], sample(schema), needed)
        if needed:
            assert not section_complete(form, section["key"], sample(schema), needed - 1)
        assert not section_complete(form, section["key"], {}, needed)


def test_errors_name_the_field_in_chinese(catalog):
    form = form_current("teacher")
    profile = sample(form_section(form, "teacher_profile")["schema"])
    del profile["teacher_type"]
    profile["teaching_years"] = -1

    assert form_validate_section(form, "teacher_profile", profile) == {
        "teacher_type": ["「教师类型」为必填项"],
        "teaching_years": ["「教龄」不能小于 0"],
    }
    assert form_validate_section(form, "basic", teacher_basic(birth_date="2020-02-30")) == {
        "birth_date": ["「出生日期」不是有效的日期（YYYY-MM-DD）"]
    }
    errors = form_validate_section(
        form,
        "basic",
        teacher_basic(gender="未知", phone="12345", email="not-mail", name="", surplus=1),
    )
    assert errors == {
        "gender": ["「性别」只能是：男、女"],
        "phone": ["「手机号码」格式不正确"],
        "email": ["「电子邮箱」不是有效的电子邮箱地址"],
        "name": ["「姓名」至少 2 个字"],
        "surplus": ["「surplus」不是本栏目的字段"],
    }


def test_wrong_types_and_paths_into_lists(catalog):
    form = form_current("teacher")
    profile = {**sample(form_section(form, "teacher_profile")["schema"]), "teaching_years": "十"}
    assert form_validate_section(form, "teacher_profile", profile) == {
        "teaching_years": ["「教龄」应为整数"]
    }
    education = sample(form_section(form, "education")["schema"])
    del education["records"][0]["school"]
    education["records"][0]["graduation_date"] = "2015/07/01"
    assert form_validate_section(form, "education", education) == {
        "records.0.school": ["「毕业院校」为必填项"],
        "records.0.graduation_date": ["「毕业时间」不是有效的日期（YYYY-MM-DD）"],
    }
    assert form_validate_section(form, "education", {**education, "records": []}) == {
        "records": ["「学历学位经历」至少填写 1 条"]
    }
    assert form_validate_section(form, "basic", None) == {"__all__": ["「基本信息」应为对象"]}


def test_conditional_requirements_speak_chinese_too(catalog):
    form = form_current("teacher")
    assert form_validate_section(form, "professional_titles", {"current_level": "中级"}) == {
        "title_name": ["「现专业技术资格名称」为必填项"],
        "obtained_date": ["「取得现资格时间」为必填项"],
        "approval_authority": ["「审批机关」为必填项"],
    }
    assert form_validate_section(form, "support_teaching", {"has_records": True}) == {
        "records": ["「支教交流经历明细」为必填项"]
    }
    with pytest.raises(KeyError):
        form_validate_section(form, "no_such_section", {})


# --- the public API --------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["public", "urumqi"])
def test_anyone_reads_the_catalog_tree_in_a_constant_number_of_queries(
    catalog, host_client, django_assert_max_num_queries, code
):
    client = host_client(code)
    client.get("/api/v1/catalog/")  # warm the host map
    # routing (up to 3: schema, routing version, region schema) + series, specialties and
    # qualifications, however many there are
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/catalog/")
    assert response.status_code == 200
    tree = response.json()
    count = sum(len(spec["qualifications"]) for s in tree for spec in s["specialties"])
    assert count == Qualification.objects.filter(is_active=True).count()
    series = Series.objects.create(code="more", name="更多系列", form_key="general")
    for n in range(5):
        specialty = Specialty.objects.create(series=series, code=f"more-{n}", name=f"专业{n}")
        Qualification.objects.create(
            specialty=specialty, code=f"more-{n}-q", level="senior", name="正高级"
        )
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/catalog/").json()) == len(tree) + 1
    school = next(s for s in tree if s["code"] == "school-teacher")
    assert (school["name"], school["form_key"]) == ("中小学教师", "teacher")
    chinese = next(s for s in school["specialties"] if s["code"] == "school-teacher-chinese")
    assert chinese["qualifications"][1] == {
        "code": "school-teacher-chinese-assistant",
        "name": "二级教师",
        "label": "二级教师",
        "level": "junior",
        "level_display": "初级",
        "grade": "assistant",
        "grade_display": "助理级",
    }


def test_a_closed_qualification_leaves_the_tree(catalog, host_client):
    Qualification.objects.filter(code="school-teacher-chinese-senior").update(is_active=False)
    codes = {
        q["code"]
        for s in host_client().get("/api/v1/catalog/").json()
        for spec in s["specialties"]
        for q in spec["qualifications"]
    }
    assert "school-teacher-chinese-senior" not in codes
    assert "school-teacher-chinese-deputy-senior" in codes


def test_a_form_by_key_and_by_version(catalog, host_client):
    client = host_client("kashgar")
    current = client.get("/api/v1/forms/teacher/").json()
    assert (current["key"], current["version"], current["title"]) == (
        "teacher",
        V,
        "教师系列职称申请书",
    )
    first = current["sections"][0]
    assert (first["key"], first["title"], first["filled_by"]) == ("basic", "基本信息", "applicant")
    assert first["schema"]["properties"]["birth_date"]["format"] == "date"
    assert first["schema"]["x-min-attachments"] == 1
    assert first["schema"] == load_form("teacher")["sections"][0]["schema"]
    assert list(first["schema"]["properties"])[:3] == ["specialty", "name", "id_card_number"]
    assert client.get(f"/api/v1/forms/teacher/{V}/").json() == current
    assert client.get("/api/v1/forms/teacher/9/").status_code == 404
    assert client.get("/api/v1/forms/nope/").status_code == 404


# --- the central office's pages --------------------------------------------------------------

PAGES = ["/central/catalog/", "/central/forms/", "/central/conditions/"]


@pytest.mark.parametrize("code", ["public", "hotan"])
@pytest.mark.parametrize("path", PAGES)
def test_the_central_office_sees_its_pages_on_any_host(catalog, central, host_client, code, path):
    response = host_client(code, user=central).get(path)
    assert response.status_code == 200
    assert "中小学教师" in response.content.decode()


@pytest.mark.parametrize("path", [*PAGES, f"/central/forms/teacher/{V}/"])
def test_everyone_else_gets_a_404(catalog, host_client, alice, urumqi_admin, path):
    assert host_client("urumqi", user=urumqi_admin).get(path).status_code == 404
    assert host_client("public", user=alice).get(path).status_code == 404
    anonymous = host_client().get(path)
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]


def test_others_cannot_change_anything(catalog, host_client, urumqi_admin):
    qualification = Qualification.objects.get(code="school-teacher-math-senior")
    client = host_client("urumqi", user=urumqi_admin)
    toggle = f"/central/catalog/qualifications/{qualification.pk}/toggle/"
    assert client.post(toggle).status_code == 404
    assert client.post("/central/forms/teacher/publish/", {"definition": "{}"}).status_code == 404
    qualification.refresh_from_db()
    assert qualification.is_active


def test_the_catalog_page_shows_the_tree_with_levels_and_counts(catalog, central, host_client):
    page = host_client(user=central).get("/central/catalog/").content.decode()
    assert "三级教师" in page and "初级（员级）" in page and "副高级" in page
    total = len(list(iter_qualifications()))
    assert f"{total} 个资格" in page


def test_the_central_office_closes_and_reopens_a_qualification(catalog, central, host_client):
    qualification = Qualification.objects.get(code="school-teacher-music-senior")
    client = host_client(user=central)
    url = f"/central/catalog/qualifications/{qualification.pk}/toggle/"

    assert client.post(url).status_code == 302
    qualification.refresh_from_db()
    assert qualification.is_active is False
    client.post(url)
    qualification.refresh_from_db()
    assert qualification.is_active is True
    assert client.post("/central/catalog/regions/1/toggle/").status_code == 404


def test_the_central_office_renames_a_qualification(catalog, central, host_client):
    qualification = Qualification.objects.get(code="engineering-construction-intermediate")
    client = host_client(user=central)
    url = f"/central/catalog/qualifications/{qualification.pk}/"
    assert qualification.name in client.get(url).content.decode()

    assert client.post(url, {"name": "工程师（土木）"}).status_code == 302
    qualification.refresh_from_db()
    assert (qualification.name, qualification.code) == (
        "工程师（土木）",
        "engineering-construction-intermediate",
    )
    clash = client.post(url, {"name": "助理工程师"})
    assert clash.status_code == 400
    assert "该专业下已有同名资格" in clash.content.decode()


def test_the_central_office_adds_a_qualification_with_a_unique_code(catalog, central, host_client):
    specialty = Specialty.objects.get(code="school-teacher-math")
    client = host_client(user=central)
    url = f"/central/catalog/specialties/{specialty.pk}/qualifications/new/"
    data = {"code": "school-teacher-math-expert", "level": "senior", "grade": "", "name": "特级"}

    assert client.post(url, data).status_code == 302
    added = Qualification.objects.get(code="school-teacher-math-expert")
    assert (added.specialty, added.level, added.name, added.is_active) == (
        specialty,
        "senior",
        "特级",
        True,
    )
    again = client.post(url, {**data, "name": "特级教师"})
    assert again.status_code == 400
    assert "已被使用" in again.content.decode()
    bad = client.post(url, {**data, "code": "Bad Code", "level": "senior", "grade": "clerk"})
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "小写字母" in text and "只有初级资格可以区分员级和助理级" in text


def test_the_offices_changes_survive_loading_the_file_again_and_are_audited(
    catalog, central, host_client
):
    """`make run` loads the data files every time: what the office changed in the pages stays."""
    client = host_client(user=central)
    renamed = Qualification.objects.get(code="engineering-construction-intermediate")
    closed = Qualification.objects.get(code="school-teacher-music-senior")
    math = Specialty.objects.get(code="school-teacher-math")
    client.post(f"/central/catalog/qualifications/{renamed.pk}/", {"name": "工程师（土木）"})
    client.post(f"/central/catalog/qualifications/{closed.pk}/toggle/")
    client.post(
        f"/central/catalog/specialties/{math.pk}/qualifications/new/",
        {"code": "school-teacher-math-expert", "level": "senior", "grade": "", "name": "特级"},
    )

    result = catalog_sync()

    assert Qualification.objects.get(pk=renamed.pk).name == "工程师（土木）"
    assert Qualification.objects.get(pk=closed.pk).is_active is False
    assert Qualification.objects.get(code="school-teacher-math-expert").is_active is True
    assert result["qualifications"]["kept"] == 2  # the two the file lists; the new one it does not
    assert result["qualifications"]["deactivated"] == 0
    events = AuditEvent.objects.filter(kind=AuditKind.CATALOG_CHANGE, actor=central)
    assert sorted((e.detail["action"], e.detail["code"]) for e in events) == [
        ("close", "school-teacher-music-senior"),
        ("create", "school-teacher-math-expert"),
        ("rename", "engineering-construction-intermediate"),
    ]
    assert events.get(detail__action="rename").detail["was"] == renamed.name


def test_publishing_a_new_form_version_leaves_the_previous_untouched(catalog, central, host_client):
    client = host_client(user=central)
    v1 = form_current("teacher")
    before = copy.deepcopy(v1.definition)
    page = client.get("/central/forms/teacher/publish/").content.decode()
    assert "教师系列职称申请书" in page and f"第{V}版" in page
    assert "x-order" not in page

    document = {"key": "teacher", "title": v1.title, **copy.deepcopy(before)}
    document["sections"][1]["schema"]["properties"]["teaching_years"]["maximum"] = 55
    response = client.post(
        "/central/forms/teacher/publish/", {"definition": json.dumps(document, ensure_ascii=False)}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/central/forms/teacher/{V + 1}/"
    v1.refresh_from_db()
    assert v1.definition == before
    assert form_current("teacher").version == V + 1
    assert "最大 55" in client.get(f"/central/forms/teacher/{V + 1}/").content.decode()
    assert "最大 50" in client.get(f"/central/forms/teacher/{V}/").content.decode()
    assert (
        host_client()
        .get(f"/api/v1/forms/teacher/{V}/")
        .json()["sections"][1]["schema"]["properties"]["teaching_years"]["maximum"]
        == 50
    )
    listing = client.get("/central/forms/").content.decode()
    assert f"第{V + 1}版" in listing and f"第{V}版" in listing


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["sections"][0]["schema"].update(type="strng"), "不是有效的 JSON Schema"),
        (lambda d: d["sections"][1].update(key="basic"), "栏目 key“basic”重复"),
        (lambda d: d["sections"][2].update(filled_by="nobody"), "filled_by"),
        (lambda d: d.update(sections=[]), "sections 应为非空列表"),
        (lambda d: d.update(key="general"), "表单代码应为“teacher”"),
        (lambda d: d["rule_fields"]["title_date"].update(field="basic.nope"), "不存在"),
        (lambda d: None, f"与当前版本（第{V}版）相同"),
    ],
    ids=[
        "bad-schema",
        "duplicate-key",
        "filled-by",
        "no-sections",
        "other-key",
        "rule-field",
        "unchanged",
    ],
)
def test_a_broken_form_is_refused(catalog, central, host_client, change, message):
    current = form_current("teacher")
    document = {"title": current.title, **copy.deepcopy(current.definition)}
    change(document)
    response = host_client(user=central).post(
        "/central/forms/teacher/publish/", {"definition": json.dumps(document, ensure_ascii=False)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert SectionForm.objects.filter(key="teacher").count() == 1


def test_text_that_is_not_json_is_refused(catalog, central, host_client):
    response = host_client(user=central).post(
        "/central/forms/teacher/publish/", {"definition": "{not json"}
    )
    assert response.status_code == 400
    assert "不是有效的 JSON" in response.content.decode()


def test_the_central_office_edits_a_condition_and_loading_again_keeps_it(
    catalog, central, host_client
):
    condition = ConditionSet.objects.get(series__code="school-teacher", level="intermediate")
    client = host_client(user=central)
    assert "一级教师：" in client.get("/central/conditions/").content.decode()
    rules = [{"kind": "min_education", "value": "大学本科"}]

    response = client.post(
        f"/central/conditions/{condition.pk}/",
        {"text": "一级教师：新条件。", "rules": json.dumps(rules, ensure_ascii=False)},
    )

    assert response.status_code == 302
    condition.refresh_from_db()
    assert (condition.text, condition.rules, condition.version) == ("一级教师：新条件。", rules, 2)
    assert catalog_sync()["conditions"]["kept"] == 1
    condition.refresh_from_db()
    assert condition.text == "一级教师：新条件。"
    logged = AuditEvent.objects.get(kind=AuditKind.CATALOG_CHANGE, actor=central)
    assert logged.detail == {
        "action": "edit_conditions",
        "model": "conditionset",
        "code": "school-teacher",
        "level": "intermediate",
        "version": 2,
    }


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ('[{"kind": "age_below", "value": 40}]', "类型“age_below”无效"),
        ('[{"kind": "min_education", "value": "小学"}]', "学历应为"),
        ('[{"kind": "years_since_title", "value": 2}]', "缺少参数 title_level"),
        ('[{"kind": "any_of", "options": [[{"kind": "x"}]]}]', "第1条规则的第1组第1条"),
        ('{"kind": "min_education"}', "规则应为列表"),
        ("[{", "不是有效的 JSON"),
    ],
    ids=["kind", "education", "parameter", "nested", "not-a-list", "not-json"],
)
def test_condition_rules_are_checked(catalog, central, host_client, rules, message):
    condition = ConditionSet.objects.get(series__code="health", level="senior")
    response = host_client(user=central).post(
        f"/central/conditions/{condition.pk}/", {"text": "条件", "rules": rules}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    condition.refresh_from_db()
    assert condition.version == 1


def test_the_catalog_api_is_in_the_openapi_schema(db, host_client):
    schema = host_client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = schema.json()["paths"]
    assert {
        "/api/v1/catalog/",
        "/api/v1/forms/{key}/",
        "/api/v1/forms/{key}/{version}/",
    } <= set(paths)
    assert paths["/api/v1/forms/{key}/{version}/"]["get"]["parameters"][1]["schema"] == {
        "type": "integer"
    }
