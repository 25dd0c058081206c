"""'Exit this page' must get a family off the site at once and keep it out of the Back history."""

import pytest

from scr_site.leaflet.models import SiteSettings

pytestmark = pytest.mark.browser


@pytest.fixture
def neutral_url(site_url):
    # A page on the local test server stands in for the neutral website.
    url = f"{site_url}/healthz"
    SiteSettings.objects.update_or_create(pk=1, defaults={"exit_url": url})
    return url


@pytest.fixture
def family_page(new_context, site_url, neutral_url):
    """A visitor who came from the privacy page to the leaflet."""
    page = new_context(1280).new_page()
    page.goto(f"{site_url}/privacy/")
    page.goto(f"{site_url}/")
    return page


def test_exit_button_leaves_and_back_does_not_return(family_page, site_url, neutral_url):
    family_page.get_by_role("link", name="Exit this page").click()
    family_page.wait_for_url(neutral_url)
    family_page.go_back()
    # Back skips the leaflet: the page it replaced is gone from the history.
    assert family_page.url == f"{site_url}/privacy/"


def test_exit_button_blanks_the_page_while_the_next_one_loads(family_page, neutral_url):
    # Hold the next site back, so what is on screen meanwhile can be seen.
    held = []
    family_page.route(neutral_url, lambda route: held.append(route))
    # Clicked and read back in one script: while a navigation is pending the page paints no
    # new frames, so Playwright's own click and visibility checks would wait for the held site.
    on_screen = family_page.evaluate(
        """() => {
            document.querySelector("[data-exit-link]").click();
            return {
                title: document.title,
                heading: getComputedStyle(document.querySelector("h1")).visibility,
                exit: getComputedStyle(document.querySelector("[data-exit-link]")).visibility,
            };
        }"""
    )
    assert on_screen == {"title": "Loading", "heading": "hidden", "exit": "hidden"}
    # Then let the neutral site arrive.
    for _ in range(100):
        if held:
            break
        family_page.wait_for_timeout(50)
    held[0].fulfill(body="neutral site")
    family_page.wait_for_url(neutral_url)


def test_pressing_shift_three_times_exits(family_page, site_url, neutral_url):
    status = family_page.locator("[data-exit-status]")
    family_page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 2 more times to exit."
    family_page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 1 more time to exit."
    family_page.keyboard.press("Shift")
    family_page.wait_for_url(neutral_url)
    family_page.go_back()
    assert family_page.url == f"{site_url}/privacy/"


def test_typing_capital_letters_does_not_exit(family_page, site_url):
    for key in ["Shift+A", "Shift+B", "Shift+C", "Shift"]:
        family_page.keyboard.press(key)
    assert family_page.url == f"{site_url}/"


def test_shift_presses_expire_after_five_seconds(family_page, site_url):
    family_page.clock.install()
    family_page.reload()
    family_page.keyboard.press("Shift")
    family_page.keyboard.press("Shift")
    family_page.clock.run_for(5100)
    family_page.keyboard.press("Shift")
    assert family_page.url == f"{site_url}/"
    assert family_page.locator("[data-exit-status]").text_content() == "Shift, press 2 more times to exit."


def test_exit_works_as_a_plain_link_without_javascript(new_context, site_url, neutral_url):
    page = new_context(1280, java_script_enabled=False).new_page()
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(neutral_url)
