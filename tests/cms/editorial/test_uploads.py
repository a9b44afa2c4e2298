"""Editors upload images and documents through the admin: only real files of the allowed types."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.editorial.roles import EDITORS, ensure_editorial_roles

pytestmark = pytest.mark.django_db

SCRIPTED_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
REAL_PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def editor(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    groups = ensure_editorial_roles()
    user = get_user_model().objects.create_user("editor", password="pw")
    user.groups.add(groups[EDITORS])
    client.force_login(user)
    return client


def upload(client, kind: str, name: str, content: bytes):
    return client.post(
        f"/admin/{kind}/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", SCRIPTED_SVG, "Not a supported image format"),
        ("logo.png", SCRIPTED_SVG, "Not a valid"),
    ],
)
def test_svg_images_are_refused_with_a_clear_message(editor, name, content, message):
    response = upload(editor, "images", name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_real_image_is_accepted(editor):
    assert upload(editor, "images", "reading-room.png", png_bytes()).status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", HTML_PAGE, "does not match its .pdf name"),
        ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 60, "is not allowed"),
        ("notes.txt", HTML_PAGE, "does not match its .txt name"),
        ("drawing.svg", SCRIPTED_SVG, "is not allowed"),
    ],
)
def test_disguised_or_executable_documents_are_refused(editor, name, content, message):
    response = upload(editor, "documents", name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted_and_served_as_an_attachment(editor, client):
    assert upload(editor, "documents", "conclusions.pdf", REAL_PDF).status_code == 302
    document = get_document_model().objects.get()
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == REAL_PDF


def test_the_multiple_upload_checks_the_content_too(editor):
    response = editor.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", HTML_PAGE)},
    )
    assert response.json()["success"] is False
    assert "does not match its .pdf name" in response.json()["error_message"]
    assert not get_document_model().objects.exists()
