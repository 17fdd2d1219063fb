"""The account pages: registration with a scan, the profile, unit information."""

import io
from datetime import date

from PIL import Image

from core.identity.validators import make_id_card_number
from core.models import Role, User
from tests.support import client_for


def png_upload(name="scan.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "white").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def form(**overrides):
    data = {
        "username": "erkin",
        "password": "Bogda-Feng-5445",
        "password_again": "Bogda-Feng-5445",
        "name": "艾尔肯",
        "id_card_number": make_id_card_number("650104", date(1991, 7, 9), 5),
        "phone": "13912345678",
        "email": "erkin@example.cn",
    }
    return {**data, **overrides}


def test_registration_stores_the_scan_privately_in_the_person_s_library(db):
    response = client_for("public").post(
        "/accounts/register/applicant/", {**form(), "id_card_scan": png_upload()}
    )
    assert response.status_code == 302
    user = User.objects.get(username="erkin")
    assert len(user.id_card_scan) == 64
    stranger = client_for("public")
    stranger.force_login(User.objects.create(username="stranger"))
    assert stranger.get(f"/api/v1/blobs/{user.id_card_scan}/content").status_code == 404
    owner = client_for("urumqi")
    owner.force_login(user)
    assert owner.get(f"/api/v1/blobs/{user.id_card_scan}/content").status_code == 200


def test_a_text_file_posing_as_a_scan_is_refused_and_no_account_is_left(db):
    fake = io.BytesIO(b"#!/bin/sh\necho hello\n")
    fake.name = "scan.jpg"
    response = client_for("public").post(
        "/accounts/register/applicant/", {**form(), "id_card_scan": fake}
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="erkin").exists()


def test_mismatched_passwords_are_pointed_out(db):
    response = client_for("public").post(
        "/accounts/register/applicant/",
        {**form(password_again="Other-Pass-1"), "id_card_scan": png_upload()},
    )
    assert response.status_code == 400
    assert "两次输入的密码不一致" in response.content.decode()


def test_registration_names_every_problem_in_one_answer(alice):
    """A taken username, a wrong ID-number checksum, a bad mobile number, a weak password and
    a missing scan are all pointed out at once, not one per submit."""
    response = client_for("public").post(
        "/accounts/register/applicant/",
        form(
            username=alice.username,
            id_card_number="650104199107090000",
            phone="1234",
            password="password",
            password_again="password",
        ),
    )
    assert response.status_code == 400
    errors = {field: len(messages) for field, messages in response.context["form"].errors.items()}
    assert set(errors) == {"username", "id_card_number", "phone", "password", "id_card_scan"}
    assert not User.objects.filter(name="艾尔肯").exists()


def test_the_profile_shows_role_and_minutes_and_saves_edits(alice):
    client = client_for("urumqi")
    client.force_login(alice)
    page = client.get("/accounts/profile/").content.decode()
    assert "申请人" in page
    assert "已使用0.0分钟" in page
    response = client.post(
        "/accounts/profile/",
        {"name": "阿丽娅·新", "email": "a@example.cn", "phone": "+86 139 1234 5678"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.name, alice.phone) == ("阿丽娅·新", "13912345678")


def test_an_applicant_has_no_unit_page(alice):
    client = client_for("urumqi")
    client.force_login(alice)
    assert client.get("/my-unit/").status_code == 404


def test_a_unit_admin_completes_the_unit_on_its_page(make_user, db):
    from workflow.demo import load_demo

    load_demo()
    admin = User.objects.get(username="unit-aksu")
    unit = admin.unit
    unit.address = ""
    unit.save()
    client = client_for("aksu")
    client.force_login(admin)
    assert "单位信息不完善" in client.get("/my-unit/").content.decode()
    response = client.post(
        "/my-unit/",
        {
            "address": "阿克苏市新华路8号",
            "nature": "institution",
            "legal_representative": "校长",
            "contact_name": "人事处",
            "contact_phone": "0997-1234567",
            "recommending_units": [unit.recommending_units.get().pk],
        },
    )
    assert response.status_code == 302
    assert "单位信息完整" in client.get("/my-unit/").content.decode()
    assert admin.role == Role.UNIT_ADMIN
