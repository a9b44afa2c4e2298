"""axe-core finds no WCAG 2.1 A or AA violation on any public page type, in every language."""

import pytest

from .axe import report, violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "uk", "ro"])
def test_home_page_has_no_violation(page, language):
    page.goto(f"/{language}/")
    found = violations(page)
    assert not found, report(found)
