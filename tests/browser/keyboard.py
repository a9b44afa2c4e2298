"""Moving through a page with the keyboard alone, checking that whatever has focus shows it."""

from playwright.sync_api import Page

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {outline, shadow, tag: el.tagName, text: (el.innerText || el.value || el.name || "").slice(0, 60)};
}"""


def focus_is_visible(page: Page) -> bool:
    state = page.evaluate(FOCUS_STYLE)
    return state is None or state["outline"] or state["shadow"]


MATCHES = """([selector, text]) => {
  const el = document.activeElement;
  return !!el && el.matches(selector) && (text === null || el.innerText.trim() === text);
}"""


def tab_to(
    page: Page, selector: str, limit: int = 250, backwards: bool = False, text: str | None = None
) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector` (and reads `text`).

    Every stop on the way must show its focus.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STYLE)
        assert state is None or state["outline"] or state["shadow"], f"Focus not visible: {state}"
        if page.evaluate(MATCHES, [selector, text]):
            return
    raise AssertionError(f"{limit} presses of {key} never reached {selector} {text or ''}")


def choose_with_keys(page: Page, selector: str, value: str, limit: int = 60) -> None:
    """Tab to a <select>, then move through its options with the arrow key until `value`."""
    tab_to(page, selector)
    for _ in range(limit):
        if page.evaluate("s => document.querySelector(s).value", selector) == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{selector} has no option {value}")


def activate(page: Page, key: str = "Enter") -> None:
    """Press Enter (or Space) on the focused link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)
