"""Demo images and PDFs, made on this machine: abstract "pearl" pictures with Pillow, plain PDFs by hand."""

import hashlib
import textwrap
import unicodedata
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageChops, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Demo content"
IMAGE_SIZE = (1600, 900)


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def pearl_picture(seed: str, colours: list[str]) -> bytes:
    """A PNG: a diagonal gradient between two colours with overlapping translucent circles."""
    first, second = (_rgb(c) for c in colours[:2])
    width, height = IMAGE_SIZE
    # A diagonal gradient: the mean of a vertical and a horizontal one.
    vertical = PillowImage.linear_gradient("L").resize(IMAGE_SIZE)
    horizontal = PillowImage.linear_gradient("L").rotate(90).resize(IMAGE_SIZE)
    gradient = ImageChops.add(vertical, horizontal, scale=2)
    picture = PillowImage.composite(
        PillowImage.new("RGB", IMAGE_SIZE, second),
        PillowImage.new("RGB", IMAGE_SIZE, first),
        gradient,
    ).convert("RGBA")
    overlay = PillowImage.new("RGBA", IMAGE_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    # Deterministic "randomness" from the slug, so a re-run draws the same picture.
    digest = hashlib.sha256(seed.encode()).digest()
    for i in range(7):
        x = digest[i] / 255 * width
        y = digest[i + 8] / 255 * height
        r = 80 + digest[i + 16] / 255 * 260
        fill = (255, 255, 255, 40 + digest[i + 24] % 60) if i % 2 else (*second, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    picture = PillowImage.alpha_composite(picture, overlay).convert("RGB")
    out = BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def ensure_image(title: str, seed: str, colours: list[str]):
    """The demo image called `title`, drawn once."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, collection=demo_collection())
        picture = pearl_picture(seed, colours)
        image.file = ImageFile(BytesIO(picture), name=f"demo-{seed}.png")
        image.file_size = len(picture)
        image.save()
        image.get_file_hash()  # computed from the stored file, and saved, as an upload's is
    return image


def _pdf_text(text: str) -> str:
    """Text Helvetica can show (Windows-1252), with PDF string delimiters escaped."""
    safe = "".join(
        ch if ch.encode("cp1252", "ignore") else unicodedata.normalize("NFKD", ch)[0] for ch in text
    )
    safe = safe.encode("cp1252", "replace").decode("cp1252")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title: str, paragraphs: list[str], lines_per_page: int = 46) -> bytes:
    """A small, valid PDF: the title in bold, then wrapped paragraphs, over as many A4 pages as needed."""
    lines: list[tuple[str, str]] = [("F2", title), ("F1", "")]
    for paragraph in paragraphs:
        lines += [("F1", line) for line in textwrap.wrap(paragraph, 88)] + [("F1", "")]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]

    objects: list[bytes] = []
    page_ids = [5 + 2 * n for n in range(len(pages))]  # after catalog, page tree, two fonts
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for base in ("Helvetica", "Helvetica-Bold"):
        objects.append(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>".encode()
        )
    for page_lines in pages:
        page_id = len(objects) + 1
        ops = ["BT", "50 790 Td", "16 TL"]
        for font, line in page_lines:
            size = 15 if font == "F2" else 11
            ops.append(f"/{font} {size} Tf ({_pdf_text(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page_id + 1} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(f"<< /Title ({_pdf_text(title)}) /Producer (RESCOM) >>".encode("cp1252"))

    out = BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return out.getvalue()


def ensure_pdf(title: str, filename: str, paragraphs: list[str]):
    """The demo document called `title`, written once."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=demo_collection())
        pdf = simple_pdf(title, paragraphs)
        document.file = ContentFile(pdf, name=filename)
        document.file_size = len(pdf)
        document.save()
        document.get_file_hash()  # computed from the stored file, and saved, as an upload's is
    return document
