"""Uploaded documents must be what their names say: an HTML page renamed .pdf is refused."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = b"PK\x03\x04"
# How each allowed binary format begins; office files are ZIP containers of XML parts.
SIGNATURES = {
    "pdf": b"%PDF-",
    "rtf": b"{\\rtf",
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
}
# Plain-text formats have no signature; they must not be markup a browser would run.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<script", b"<?xml", b"<body", b"<head")


def content_matches_name(upload: UploadedFile) -> bool:
    extension = Path(upload.name or "").suffix.lower().lstrip(".")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return b"\x00" not in head and not text.startswith(MARKUP_STARTS)


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (single and multiple upload) plus a look at the file's first bytes."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile) and not content_matches_name(upload):
            raise ValidationError(
                _(
                    "The content of this file does not match its .%(extension)s name. "
                    "Upload the document in the format its name says."
                ),
                params={"extension": Path(upload.name).suffix.lower().lstrip(".")},
                code="content_mismatch",
            )
        return upload
