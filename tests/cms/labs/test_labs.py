import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from cms.demo.media import simple_pdf
from tests.cms.factories import LabConclusionsPageFactory, LabPageFactory, PartnerFactory
from tests.html_pages import texts

pytestmark = pytest.mark.django_db


def pdf(title="Conclusions") -> Document:
    return Document.objects.create(
        title=title, file=ContentFile(simple_pdf(title, ["Findings."]), name="conclusions.pdf")
    )


def lab_titles(response) -> list[str]:
    return texts(response, ".cards .card__title")


def test_lab_index_lists_labs_with_their_published_conclusions(client, lab_index):
    with_conclusions = LabPageFactory(parent=lab_index, title="Roundtable on libraries")
    LabConclusionsPageFactory(parent=with_conclusions, title="What we concluded")
    without = LabPageFactory(parent=lab_index, title="Workshop on squares")
    LabConclusionsPageFactory(parent=without, title="Draft conclusions", live=False)

    html = client.get(lab_index.url).content.decode()

    assert "Roundtable on libraries" in html and "What we concluded" in html
    assert "Workshop on squares" in html
    assert "Draft conclusions" not in html
    assert "Conclusions not yet published." in html


def test_lab_page_shows_format_place_and_participants(client, lab_index):
    partner = PartnerFactory(name="IZOLYATSIA Foundation")
    lab = LabPageFactory(
        parent=lab_index,
        format="workshop",
        attendance="venue",
        place="County House of Culture, Anenii Noi",
        other_participants="Culture departments of Moldovan cities\n\nYouth organisations",
    )
    lab.organisations.set([partner])
    lab.save()

    html = client.get(lab.url).content.decode()

    assert "Workshop" in html
    assert "County House of Culture, Anenii Noi" in html
    assert "IZOLYATSIA Foundation" in html
    assert "<li>Youth organisations</li>" in html


def test_conclusions_page_offers_the_pdf_and_its_vocabulary(client, lab_index):
    lab = LabPageFactory(parent=lab_index, title="Roundtable")
    document = pdf()
    conclusions = LabConclusionsPageFactory(
        parent=lab, document=document, challenges=["displaced-people"], themes=["libraries"]
    )

    html = client.get(conclusions.url).content.decode()

    assert document.url in html
    assert "(PDF" in html
    assert "Count libraries in the integration plan." in html
    assert "Displaced people" in html and "Libraries" in html
    assert f'href="{lab.url}"' in html


def test_conclusions_accept_only_a_pdf(lab_index):
    lab = LabPageFactory(parent=lab_index)
    text = Document.objects.create(title="Notes", file=ContentFile(b"notes", name="notes.txt"))
    page = LabConclusionsPageFactory.build(document=text)
    page.path, page.depth = lab.path + "0001", lab.depth + 1
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "document" in error.value.message_dict


def test_filters_by_format_year_and_the_conclusions_challenge(client, lab_index):
    roundtable = LabPageFactory(parent=lab_index, title="Roundtable 2025", format="roundtable")
    LabConclusionsPageFactory(parent=roundtable, challenges=["displaced-people"])
    workshop = LabPageFactory(parent=lab_index, title="Workshop 2025", format="workshop")
    LabConclusionsPageFactory(parent=workshop, challenges=["political-engagement"])
    LabPageFactory(
        parent=lab_index, title="Roundtable 2024", format="roundtable", date="2024-05-01"
    )

    assert lab_titles(client.get(f"{lab_index.url}?format=workshop")) == ["Workshop 2025"]
    assert lab_titles(client.get(f"{lab_index.url}?format=roundtable&year=2024")) == [
        "Roundtable 2024"
    ]
    assert lab_titles(client.get(f"{lab_index.url}?challenge=displaced-people")) == [
        "Roundtable 2025"
    ]


@pytest.mark.parametrize("query", ["?format=panel", "?year=twenty", "?theme=%FF", "?page=last"])
def test_bad_lab_filters_never_fail(client, lab_index, query):
    LabPageFactory(parent=lab_index)
    assert client.get(lab_index.url + query).status_code == 200
