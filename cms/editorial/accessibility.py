"""One set of accessibility rules, WCAG 2.1 A and AA, for the editor's checker and the browser tests."""

from wagtail.admin.userbar import ContentCheckerItem

# axe-core's tags for the success criteria of WCAG 2.0 and 2.1, levels A and AA.
WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class WcagCheckerItem(ContentCheckerItem):
    """Wagtail's checker (userbar and editor preview) running every WCAG 2.1 A/AA rule.

    Wagtail's default runs a short list of content rules; editors should see what the public
    site is tested against. Wagtail's own content rules (alt text quality, meta description)
    stay on: they are custom rules, enabled alongside.
    """

    axe_run_only = WCAG_21_AA_TAGS


def use_wcag_checker(items: list) -> None:
    """Swap Wagtail's checker item for ours, wherever the userbar shows it."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WcagCheckerItem):
            items[position] = WcagCheckerItem(in_editor=item.in_editor)
