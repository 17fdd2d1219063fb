"""评审表 and 材料袋封面: what they say, test copy before formal review and official copy after,
for the applicant and the application's reviewers only, rendered once per content."""

import hashlib
import re

from core.models import Role
from printing import documents
from printing.models import PrintedDocument
from tenants.crossing import in_region
from tenants.models import Region
from tests.printing.support import A4, body, codes_on, page_sizes, pages_text, pdffonts
from tests.support import client_for
from workflow.models import Application, SectionEntry

TEST_MARK = "测试表 仅供核对"


def pdf_of(user, number: str, document: str = "review-form", host: str = "urumqi"):
    client = client_for(host)
    client.force_login(user)
    return client.get(f"/print/{number}/{document}.pdf")


def test_before_formal_review_the_applicant_prints_a_test_copy(at_committee):
    number, people = at_committee
    response = pdf_of(people["applicant"], number)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    data = body(response)
    texts = pages_text(data)
    everything = "".join(texts)
    for expected in (
        number,
        "阿丽娅",
        "专业技术人员职称评审表",
        "基本信息",
        "继续教育",
        "单位推荐意见",
    ):
        assert expected in everything, expected
    assert "该同志师德高尚" in everything  # the unit's recommendation
    assert all(TEST_MARK in text for text in texts), "the watermark is on every page"
    assert "验证码" not in everything
    assert len(texts) % 2 == 0, "double-sided: an even number of pages"
    assert set(page_sizes(data)) == {A4}
    assert len(data) < 200_000


def test_the_fonts_are_embedded_as_subsets(at_committee):
    number, people = at_committee
    fonts = pdffonts(body(pdf_of(people["applicant"], number)))

    assert any("CJK-SC" in font["name"] for font in fonts)
    assert all((font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes") for font in fonts)


def test_after_formal_review_the_official_copy_carries_its_verification(passed):
    number, people = passed
    response = pdf_of(people["committee"], number)
    data = body(response)
    texts = pages_text(data)

    with in_region("urumqi"):
        printed = PrintedDocument.objects.get(application__number=number, kind="review_form")
    assert TEST_MARK not in "".join(texts)
    assert len(texts) % 2 == 0
    for text in texts:  # region and number watermark, and the code, on every page
        assert "乌鲁木齐市" in text and number in text
        assert printed.code in text
    assert printed.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert printed.pages == len(texts)

    url = codes_on(data, page=len(texts))["QRCode"]
    assert url == f"http://localhost/verify/{number}/{printed.code}/"
    page = client_for("public").get(url.removeprefix("http://localhost"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="genuine"' in html
    assert printed.content_sha256 in html and printed.pdf_sha256 in html
    assert printed.content_sha256[:16] in texts[0]  # the paper shows the start of the hash
    original = client_for("public").get(f"/verify/{number}/{printed.code}/original.pdf")
    assert body(original) == data


def test_a_wrong_code_is_not_confirmed(passed):
    number, people = passed
    pdf_of(people["applicant"], number)
    public = client_for("public")

    assert public.get(f"/verify/{number}/ABCDE-FGHJK/").status_code == 404
    assert public.get("/verify/NOSUCH0001/ABCDE-FGHJK/").status_code == 404
    assert public.get(f"/verify/{number}/ABCDE-FGHJK/original.pdf").status_code == 404
    typed = public.get("/verify/", {"number": number, "code": "abcde fghjk"})
    assert typed.status_code == 302
    assert typed["Location"] == f"/verify/{number}/ABCDE-FGHJK/"


def test_the_material_bag_names_the_materials_and_scans_as_the_number(passed):
    number, people = passed
    data = body(pdf_of(people["unit"], number, "material-bag"))
    text = "".join(pages_text(data))

    alice = people["applicant"]
    masked = alice.id_card_number[:6] + "********" + alice.id_card_number[-4:]
    assert masked in text and alice.id_card_number not in text
    assert "职称材料袋基本信息" in text and "乌鲁木齐市第十中学" in text
    assert "scan-0.png" in text  # the attachments are listed by name
    with in_region("urumqi"):
        total = Application.objects.get(number=number).attachments.count()
    assert re.search(rf"合计\s*{total}", text)
    codes = codes_on(data)
    assert codes["Code128"] == number
    assert codes["QRCode"].endswith("/")  # official: the verification link


def test_everyone_else_gets_the_dull_404(at_committee, make_user):
    """Another applicant, unit and authority; the region admin and the central office, who
    read applications but print none; and 阿丽娅 herself on another region's host."""
    number, people = at_committee
    urumqi = Region.objects.get(schema_name="urumqi")
    askers = [
        (make_user(Role.APPLICANT), "urumqi"),
        (people["other_unit_admin"], "urumqi"),
        (people["other_authority"], "urumqi"),
        (make_user(Role.REGION_ADMIN, region=urumqi), "urumqi"),
        (make_user(Role.CENTRAL_OFFICE), "urumqi"),
        (people["applicant"], "karamay"),
    ]
    for user, host in askers:
        client = client_for(host)
        client.force_login(user)
        for document in ("review-form", "material-bag"):
            assert client.get(f"/print/{number}/{document}.pdf").status_code == 404
            api = f"/api/v1/applications/{number}/documents/{document}.pdf"
            assert client.get(api).status_code == 404, (user.role, host)


def test_anonymous_is_asked_to_sign_in(at_committee):
    number, _people = at_committee
    anonymous = client_for("urumqi")
    page = anonymous.get(f"/print/{number}/review-form.pdf")
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]
    api = anonymous.get(f"/api/v1/applications/{number}/documents/review-form.pdf")
    assert api.status_code == 401


def test_the_api_downloads_the_same_file(passed):
    number, people = passed
    client = client_for("urumqi")
    client.force_login(people["applicant"])
    api = client.get(f"/api/v1/applications/{number}/documents/review-form.pdf")

    assert api.status_code == 200
    assert api["Content-Disposition"].startswith("attachment")
    assert api["X-Document-Copy"] == "official"
    assert body(api) == body(pdf_of(people["applicant"], number))


def test_a_document_is_rendered_once_per_content(at_committee, monkeypatch):
    number, people = at_committee
    renders = []
    real_render = documents.render
    monkeypatch.setattr(documents, "render", lambda p: renders.append(p.key) or real_render(p))

    first = body(pdf_of(people["applicant"], number))
    again = pdf_of(people["unit"], number)
    assert body(again) == first
    assert len(renders) == 1, "the second reader is served from storage"
    etag = again["ETag"]
    client = client_for("urumqi")
    client.force_login(people["applicant"])
    assert (
        client.get(f"/print/{number}/review-form.pdf", HTTP_IF_NONE_MATCH=etag).status_code == 304
    )

    with in_region("urumqi"):
        entry = SectionEntry.objects.get(application__number=number, key="basic")
        entry.data = {**entry.data, "department": "教务处"}
        entry.save()
    changed = body(pdf_of(people["applicant"], number))
    assert len(renders) == 2 and renders[0] != renders[1]
    assert "教务处" in "".join(pages_text(changed))


def test_a_long_form_continues_with_headers_and_prints_uyghur_names(at_committee, monkeypatch):
    """Many rows: the table breaks across pages with its header row repeated, later pages carry
    the running header (number, name) and 第 n 页 共 m 页; a Uyghur name gets an Arabic face."""
    number, people = at_committee
    monkeypatch.setattr(documents, "BACKGROUND_WEIGHT", 10**9)  # render it inside the request
    alice = people["applicant"]
    alice.name = "ئالىيە ئابدۇرېھىم"
    alice.save(update_fields=["name"])
    with in_region("urumqi"):
        entry = SectionEntry.objects.get(application__number=number, key="continuing_education")
        row = {
            "start_date": "2021-03-01",
            "end_date": "2021-03-05",
            "content": "国家通用语言文字教学能力提升研修",
            "organizer": "新疆教育学院",
            "category": "专业科目",
            "hours": 24,
        }
        entry.data = {**entry.data, "records": [row] * 90}
        entry.save()

    data = body(pdf_of(people["applicant"], number))
    texts = pages_text(data)

    assert len(texts) >= 4 and len(texts) % 2 == 0
    with_rows = [i for i, text in enumerate(texts) if "新疆教育学院" in text]
    assert len(with_rows) >= 2, "the table spans pages"
    for i in with_rows:
        assert "培训内容" in texts[i] and "主办单位" in texts[i], f"header row on page {i + 1}"
    for i, text in enumerate(texts[1:], start=2):
        assert number in text and f"第 {i} 页 共 {len(texts)} 页" in text
    assert any("Arabic" in font["name"] for font in pdffonts(data))
