"""Can everyone read and move around the pages: low vision, keyboard only, zoomed in, no JavaScript."""

import pytest

from scr_site.leaflet.models import Board, Leaflet, Question
from tests.browser.conftest import WIDTH_IDS, WIDTHS, format_rows, tab_through
from tests.conftest import PUBLIC_PATHS

pytestmark = pytest.mark.browser

by_path = pytest.mark.parametrize("path", PUBLIC_PATHS)
by_width = pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)

# What a reader who has doubled the text size sees (WCAG 1.4.4 Resize text). The site sizes
# everything in rem, so this is what a larger default font size in the browser does to it.
# Set through the CSS object model: the site's Content Security Policy rightly refuses an
# injected <style>, but a reader's own text-size setting works like this.
DOUBLE_TEXT_SIZE = "() => document.documentElement.style.setProperty('font-size', '200%', 'important')"


# --- Colour ----------------------------------------------------------------------------------------


@by_width
@by_path
def test_text_meets_enhanced_contrast(open_page, path, width):
    # WCAG 1.4.6 (AAA), which the site's design aims for: 7:1, or 4.5:1 for large text. Many
    # readers of this leaflet will be reading on a phone, outdoors, or with tired or older eyes.
    page = open_page(path, width)
    measured = page.evaluate("() => window.__reading.textContrast()")
    assert measured, f"{path}: no visible text found to measure"
    unknown = [row for row in measured if "unknown" in row]
    assert not unknown, f"{path}: cannot work out the background behind:\n{format_rows(unknown)}"
    too_faint = [
        f"{row['element']} {row['text']!r}: {row['colour']} on {row['background']} is "
        f"{row['ratio']:.2f}:1, needs {row['required']}:1"
        for row in measured
        if row["ratio"] < row["required"]
    ]
    assert not too_faint, f"{path} at {width}px, text below enhanced contrast:\n{format_rows(too_faint)}"


# --- Keyboard --------------------------------------------------------------------------------------


@by_width
@by_path
def test_skip_link_is_first_tab_stop_and_moves_focus_to_main_content(open_page, path, width):
    page = open_page(path, width)
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => {
          const el = document.activeElement;
          const r = el.getBoundingClientRect();
          return {
            element: window.__reading.describe(el),
            href: el.getAttribute("href"),
            text: el.textContent.trim(),
            onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 &&
              r.right <= document.documentElement.clientWidth && r.bottom <= window.innerHeight,
            coveredBy: window.__reading.coveredBy(el),
            visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          };
        }"""
    )
    assert first["href"] == "#main-content", f"{path}: first Tab stop is {first}, not the skip link"
    assert first["text"], f"{path}: the skip link has no words"
    assert first["visible"] and first["onScreen"] and not first["coveredBy"], (
        f"{path}: the skip link is not fully visible on screen when focused: {first}"
    )

    page.keyboard.press("Enter")
    focused = page.evaluate("() => window.__reading.describe(document.activeElement)")
    assert focused == "main#main-content", f"{path}: after following the skip link, focus is on {focused}"

    # The next Tab goes on from the main content, not back to the top of the page.
    page.keyboard.press("Tab")
    next_stop = page.evaluate(
        """() => ({
          focused: window.__reading.describe(document.activeElement),
          expected: window.__reading.firstControlIn(document.getElementById("main-content")),
        })"""
    )
    if next_stop["expected"]:
        assert next_stop["focused"] == next_stop["expected"], (
            f"{path}: Tab after the skip link went to {next_stop['focused']}, not {next_stop['expected']}"
        )


@by_width
@by_path
def test_every_link_and_button_can_be_reached_with_tab_in_page_order(open_page, path, width):
    page = open_page(path, width)
    expected, stops = tab_through(page)
    reached = [stop["key"] for stop in stops if stop["key"] is not None]
    missed = [row for row in expected if row["key"] not in reached]
    assert not missed, f"{path} at {width}px, Tab never reaches:\n{format_rows(missed)}"
    # Chromium makes a scrolled box a Tab stop so it can be scrolled by keyboard; anything else
    # that takes focus without being a control is a stop that does nothing.
    strays = [
        f"{stop['element']} {stop['text']!r}"
        for stop in stops
        if stop["key"] is None and not stop["scroller"]
    ]
    assert not strays, (
        f"{path} at {width}px, Tab stops on things that are not controls:\n{format_rows(strays)}"
    )
    # WCAG 2.4.3: focus moves in the order the page reads (no positive tabindex reshuffling it).
    assert reached == sorted(reached), (
        f"{path} at {width}px, Tab order differs from page order:\n"
        + format_rows([f"{stop['element']} {stop['text']!r}" for stop in stops])
    )
    assert len(reached) == len(set(reached)), f"{path}: a control was reached twice in one pass"


@by_width
@by_path
def test_every_focused_control_looks_different_from_unfocused(open_page, path, width):
    page = open_page(path, width)
    _, stops = tab_through(page)
    assert stops, f"{path}: nothing on the page took keyboard focus"
    unchanged = [
        f"{stop['element']} {stop['text']!r}"
        for stop in stops
        if stop["unfocused"] is not None and stop["focused"] == stop["unfocused"]
    ]
    assert not unchanged, f"{path} at {width}px, no visible focus style on:\n{format_rows(unchanged)}"


@by_width
@by_path
def test_focus_indicator_contrasts_at_least_3_to_1_with_its_surroundings(open_page, path, width):
    # WCAG 1.4.11 / 2.4.13: some part of the focus indicator at least 2 CSS px thick must stand out
    # 3:1 from the colour it is drawn on. A yellow block alone is not enough on a white page
    # (about 1.3:1): it needs its dark outline or underline there, and its yellow on the dark bars.
    page = open_page(path, width)
    _, stops = tab_through(page)
    assert stops, f"{path}: nothing on the page took keyboard focus"
    weak = []
    for stop in stops:
        indicator = stop["indicator"]
        if "unknown" in indicator:
            weak.append(f"{stop['element']}: cannot measure, {indicator['unknown']}")
            continue
        thick = [part for part in indicator["parts"] if part["thickness"] >= 2]
        best = max(thick, key=lambda part: part["ratio"], default=None)
        if best is None or best["ratio"] < 3:
            parts = ", ".join(
                f"{p['part']} {p['colour']} {p['thickness']:g}px {p['ratio']:.2f}:1"
                for p in indicator["parts"]
            )
            weak.append(f"{stop['element']} {stop['text']!r} on {indicator['around']}: {parts or 'none'}")
    assert not weak, f"{path} at {width}px, focus indicator below 3:1:\n{format_rows(weak)}"


@by_width
@by_path
def test_focused_text_keeps_enhanced_contrast(open_page, path, width):
    page = open_page(path, width)
    _, stops = tab_through(page)
    faint = [
        f"{stop['element']} {stop['text']!r}: {row['colour']} on {row.get('background')} "
        f"{row.get('ratio', 0):.2f}:1, needs {row['required']}:1 {row.get('unknown', '')}"
        for stop in stops
        if stop["text"]
        for row in [stop["textContrast"]]
        if "unknown" in row or row["ratio"] < row["required"]
    ]
    assert not faint, f"{path} at {width}px, focused text too faint:\n{format_rows(faint)}"


def out_of_sight(stop):
    box = stop["rect"]
    if box["width"] <= 1 and box["height"] <= 1:
        return None  # visually hidden on purpose
    if not stop["visible"]:
        return "not visible"
    return stop["coveredBy"] and f"covered by {stop['coveredBy']}"


@by_width
@by_path
def test_focused_control_is_not_hidden_behind_other_content(open_page, path, width):
    # WCAG 2.4.11: the sticky exit bar must not cover what the keyboard user has just moved to.
    # Tabbing forwards scrolls new controls up from the bottom of the window; tabbing backwards
    # brings them down from the top, where a sticky bar sits, so both directions are walked.
    page = open_page(path, width)
    _, stops = tab_through(page)
    backwards = []
    for _ in stops[:-1]:
        page.keyboard.press("Shift+Tab")
        backwards.append(page.evaluate("() => window.__reading.focusRecord()"))
    hidden = [
        f"{direction}: {stop['element']} {stop['text']!r}: {problem}"
        for direction, walked in (("Tab", stops), ("Shift+Tab", backwards))
        for stop in walked
        if stop is not None
        for problem in [out_of_sight(stop)]
        if problem
    ]
    assert not hidden, f"{path} at {width}px, focused controls out of sight:\n{format_rows(hidden)}"


@by_width
@by_path
def test_in_page_links_bring_their_target_into_view_uncovered(open_page, path, width):
    # The contents list jumps to each question; the heading must land below the sticky bar.
    page = open_page(path, width)
    links = page.locator("a[href^='#']:not([href='#'])")
    problems = []
    for index in range(links.count()):
        link = links.nth(index)
        target_id = link.get_attribute("href")[1:]
        link.press("Enter")
        problem = page.evaluate(
            """(id) => {
              const target = document.getElementById(id);
              if (!target) return "no element has this id";
              // Main itself is a tall box; its heading is what has to be seen.
              const shown = target.matches("main") ? target.querySelector("h1") || target : target;
              return window.__reading.coveredBy(shown);
            }""",
            target_id,
        )
        if problem:
            problems.append(f"#{target_id}: {problem}")
    assert not problems, f"{path} at {width}px, link targets out of sight:\n{format_rows(problems)}"


# --- Layout ----------------------------------------------------------------------------------------


def assert_reads_without_sideways_scrolling(page, where):
    layout = page.evaluate("() => window.__reading.horizontalOverflow()")
    assert layout["scrollWidth"] <= layout["clientWidth"], (
        f"{where}: the page scrolls sideways ({layout['scrollWidth']}px wide in a "
        f"{layout['clientWidth']}px window); sticking out:\n{format_rows(layout['outside'])}"
    )
    assert not layout["outside"], (
        f"{where}: content past the edge of the window:\n{format_rows(layout['outside'])}"
    )
    clipped = page.evaluate("() => window.__reading.clippedText()")
    assert not clipped, (
        f"{where}: content too big for its box (cut off or spilling out):\n{format_rows(clipped)}"
    )


@by_path
def test_page_reflows_to_320px_without_sideways_scrolling(open_page, path):
    # WCAG 1.4.10: at 320 CSS px (a 1280px screen zoomed to 400%) everything fits the width.
    page = open_page(path, 320)
    assert_reads_without_sideways_scrolling(page, f"{path} at 320px")


@by_width
@by_path
def test_text_doubled_in_size_still_fits_and_nothing_overlaps(open_page, path, width):
    page = open_page(path, width)
    before = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('main p, main')).fontSize)"
    )
    page.evaluate(DOUBLE_TEXT_SIZE)
    after = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('main p, main')).fontSize)"
    )
    # If the text did not grow, the rest of this test would prove nothing.
    assert after >= 2 * before - 0.5, f"{path}: text did not double ({before}px -> {after}px)"

    where = f"{path} at {width}px with text at 200%"
    assert_reads_without_sideways_scrolling(page, where)
    overlaps = page.evaluate("() => window.__reading.overlappingBlocks(document.body)")
    assert not overlaps, f"{where}: blocks drawn over one another:\n{format_rows(overlaps)}"
    cramped = page.evaluate("() => window.__reading.crampedLines()")
    assert not cramped, (
        f"{where}: line height smaller than the text, so lines collide:\n{format_rows(cramped)}"
    )


# --- Motion and no JavaScript ----------------------------------------------------------------------


@by_path
def test_nothing_moves_when_reduced_motion_is_asked_for(open_page, path):
    page = open_page(path, 1280, reduced_motion="reduce")
    assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
    moving = page.evaluate("() => window.__reading.motion()")
    assert not moving, (
        f"{path}: animation or transition despite prefers-reduced-motion:\n{format_rows(moving)}"
    )


@by_width
def test_home_page_shows_every_question_and_the_contacts_without_javascript(open_page, width):
    page = open_page("/", width, java_script_enabled=False)
    home = Leaflet.objects.published_list(is_home_page=True)[0]
    questions = [question.question for question in Question.objects.published_list(leaflet_id=home.pk)]
    boards = Board.objects.published_list()
    assert questions and boards, "content/ should give the home page questions and boards"

    headings = page.locator("main h2")
    shown = [text.strip() for text in headings.all_inner_texts()]
    missing = [q for q in questions if q not in shown]
    assert not missing, f"without JavaScript these questions are not shown as headings: {missing}"
    hidden = [q for q in questions if not page.locator("main h2", has_text=q).first.is_visible()]
    assert not hidden, f"without JavaScript these question headings are hidden: {hidden}"

    main = page.locator("main")
    for board in boards:
        for text in filter(None, (board.name, board.postcode, board.telephone, board.email, board.website)):
            assert main.get_by_text(text, exact=False).first.is_visible(), (
                f"without JavaScript {board.name}'s {text!r} is not shown"
            )
