import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import WIDTH_IDS, WIDTHS
from tests.conftest import PUBLIC_PATHS

pytestmark = pytest.mark.browser

# WCAG 2.0, 2.1 and 2.2 A and AA, plus Deque's best practices (landmarks, one h1, heading order...).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} - {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_axe_finds_no_accessibility_violations(open_page, path, width):
    page = open_page(path, width)
    results = Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, (
        f"axe-core found problems on {path} at {width}px:\n{describe_violations(violations)}"
    )


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_axe_finds_no_violations_with_a_site_notice_showing(open_page, width):
    from scr_site.leaflet.models import SiteNotice

    SiteNotice.objects.create(
        message="Serious Case Reviews are now called [Child Safeguarding Practice Reviews](https://www.gov.uk).",
        show_to_families=True,
    )
    page = open_page("/", width)
    assert page.get_by_role("region", name="Notice").is_visible()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, (
        f"axe-core found problems with a notice showing:\n{describe_violations(violations)}"
    )
