"""The public templates: wording in the request's language, and a frame that is never stale.

The menu and footer are `{% cache %}` fragments keyed on the content generation, the
language and (for the menu) the section; these tests hold each key to what it must cover.
"""

import pytest
from django.core.cache import cache

from cms import page_cache
from tests.cms.factories import EventIndexPageFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db

LED_BY = {
    "en": "Led by the Council of the Baltic Sea States Secretariat (CBSS), Stockholm.",
    "uk": "Проєкт очолює Секретаріат Ради держав Балтійського моря (РДБМ/CBSS), Стокгольм.",
    "ro": "Condus de Secretariatul Consiliului Statelor Mării Baltice (CBSS), Stockholm.",
}
MENU = {"en": "Menu", "uk": "Меню", "ro": "Meniu"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Fragments must not outlive the rows a test rolled back."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def translated_home(home_page, django_capture_on_commit_callbacks):
    from home.demo_content import translate_home_page

    with django_capture_on_commit_callbacks(execute=True):
        translate_home_page()
    return home_page


@pytest.fixture
def sections(home_page):
    return {
        "stories": StoryIndexPageFactory(parent=home_page, show_in_menus=True),
        "events": EventIndexPageFactory(parent=home_page, show_in_menus=True),
    }


def menu_of(html: str) -> str:
    return html.split('<ul class="menu">', 1)[1].split("</ul>", 1)[0]


def test_each_page_reads_in_the_language_it_is_asked_in(client, translated_home):
    for language in ("uk", "ro", "uk", "en"):
        html = client.get(f"/{language}/").content.decode()

        assert f'<html lang="{language}">' in html
        assert f'<summary class="site-nav__toggle">{MENU[language]}</summary>' in html
        assert LED_BY[language] in html  # the footer, a cached fragment


def test_the_menu_marks_the_section_being_read(client, sections):
    for section in ("stories", "events", "stories"):
        menu = menu_of(client.get(f"/en/{section}/").content.decode())

        assert menu.count('aria-current="page"') == 1
        assert f'href="/en/{section}/" aria-current="page"' in menu
    assert 'aria-current="page"' not in menu_of(client.get("/en/").content.decode())


def test_a_renamed_section_shows_in_the_menu_at_once(client, sections):
    assert "Good-practice stories" in menu_of(client.get("/en/events/").content.decode())

    stories = sections["stories"]
    stories.title = "Case stories"
    stories.save_revision().publish()

    menu = menu_of(client.get("/en/events/").content.decode())
    assert "Case stories" in menu
    assert "Good-practice stories" not in menu


def test_the_frame_is_drawn_when_the_cache_cannot_be_read(client, sections, monkeypatch):
    def unreachable():
        raise ConnectionError("cache down")

    monkeypatch.setattr(page_cache, "current_generation", unreachable)
    html = client.get("/en/stories/").content.decode()

    assert 'href="/en/stories/" aria-current="page"' in menu_of(html)
    assert LED_BY["en"] in html
