"""axe-core (bundled by axe-playwright-python, so nothing is fetched) with the WCAG 2.1 A/AA rules."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}

_axe = Axe()


def violations(page: Page) -> list[dict]:
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def report(found: list[dict]) -> str:
    """One line per failing element: the rule, its help and where it is, readable in a CI log."""
    lines = []
    for violation in found:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(
                f"{violation['id']} ({violation['impact']}): {target}: {node['failureSummary']}"
            )
    return "\n".join(lines)
