"""Checks of the pages as a real browser shows them to families.

Run only these with ``pytest tests/browser`` (or ``pytest -m browser``; ``-m "not browser"`` leaves
them out). They need:

- Debian's Chromium at /usr/bin/chromium (``apt-get install chromium``). Playwright drives it
  directly; its own browser download is never used, so never run ``playwright install``.
- Java (``apt-get install default-jre-headless``) for the Nu HTML Checker in test_html_validity.py.
- The Python packages in requirements-dev.txt.

``make test`` installs all of these when they are missing. One Chromium serves all the tests here,
and every test gets a fresh browser context, so no cookie, cache or focus state leaks between tests.
Each test starts from content/ freshly loaded into an empty database and served by pytest-django's
live server.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Keep Chromium's own traffic (updates, sync, safe browsing lists) off the network, so the only
    # requests made are the page's.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The widths every layout check runs at: a laptop, and the 320 CSS pixels WCAG 1.4.10 (Reflow) names.
WIDTHS = [1280, 320]
WIDTH_IDS = [f"{width}px" for width in WIDTHS]
VIEWPORT_HEIGHT = {1280: 800, 320: 640}

# The live server serves static files straight from static/ (by their plain names), so pages must
# link to the plain names rather than to the hashed copies collectstatic would make.
PLAIN_STATIC_FILES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture(scope="package", autouse=True)
def _plain_static_files():
    with override_settings(STORAGES=PLAIN_STATIC_FILES):
        yield


@pytest.fixture(scope="package", autouse=True)
def _database_beside_playwright():
    # While Playwright's sync API is started it keeps an asyncio loop running in the test thread,
    # and Django refuses ORM calls (loading content, creating the test database) from a thread
    # with a running loop unless told it is safe. It is: the thread only does one thing at a time.
    # Set for this package only, outliving the browser below (autouse fixtures start first).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# One Chromium for all the browser tests. Package-scoped rather than session-scoped so that it, and
# the asyncio loop Playwright keeps running, are gone before any other tests run.
@pytest.fixture(scope="package")
def browser():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        # Fail rather than skip: a silently skipped accessibility suite looks like a passing one.
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install it with `apt-get install -y chromium` "
            "(`make test` does this), or point CHROMIUM_PATH at a Chromium binary.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site_content(transactional_db):
    """content/ loaded, committed so the live server's thread can see it."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def site_url(live_server, site_content):
    return live_server.url


@pytest.fixture
def new_context(browser):
    """Makes a fresh browser context (its own cookies and storage) at a given viewport width."""
    contexts = []

    def make(width=1280, **options):
        context = browser.new_context(
            viewport={"width": width, "height": VIEWPORT_HEIGHT.get(width, 800)}, **options
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def open_page(new_context, site_url):
    """Opens a public path in a fresh context; fails if the page's own files (CSS etc.) did not load.

    Without that check a missing stylesheet would make the contrast and focus checks pass on the
    browser's defaults instead of testing the site's design.
    """

    def open_(path, width=1280, **context_options):
        context = new_context(width, **context_options)
        page = context.new_page()
        broken = []

        def note_broken(response):
            # The page itself may be a 404 on purpose; the files it uses may not.
            if response.status >= 400 and response.request.resource_type != "document":
                broken.append(f"{response.status} {response.url}")

        page.on("response", note_broken)
        page.on("requestfailed", lambda request: broken.append(f"{request.failure} {request.url}"))
        response = page.goto(site_url + path, wait_until="load")
        # Otherwise a crashing view would be checked as its plain error page, and pass.
        assert response.status < 500, f"{path}: the server answered {response.status}"
        assert not broken, f"{path}: files the page uses did not load: {broken}"
        if context_options.get("java_script_enabled", True):
            page.evaluate(PAGE_HELPERS)
        return page

    return open_


# Measuring code run inside the page. Colours are compared in sRGB with the WCAG 2 formulas.
PAGE_HELPERS = r"""
() => {
  if (window.__reading) return;

  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const paint = canvas.getContext("2d", { willReadFrequently: true });

  // Any CSS colour as [r, g, b, alpha]; computed styles are rgb()/rgba(), the canvas handles the rest.
  function parseColour(css) {
    const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%)?)?\s*\)$/;
    const m = rgb.exec(css.trim());
    if (m) {
      const alpha = m[4] === undefined ? 1 : parseFloat(m[4]) / (m[5] ? 100 : 1);
      return [+m[1], +m[2], +m[3], alpha];
    }
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = "rgba(0, 0, 0, 0)";
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    const d = paint.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  }

  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  }

  function luminance(colour) {
    const [r, g, b] = colour.slice(0, 3).map((c) => {
      c /= 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function contrast(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

  function describe(el) {
    if (!el || el.nodeType !== 1) return String(el);
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
      let part = n.localName;
      if (n.id) {
        parts.unshift(part + "#" + CSS.escape(n.id));
        break;
      }
      part += [...n.classList].map((c) => "." + CSS.escape(c)).join("");
      const siblings = n.parentElement ? [...n.parentElement.children] : [];
      const same = siblings.filter((s) => s.localName === n.localName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(n) + 1})`;
      parts.unshift(part);
    }
    return parts.join(" > ");
  }

  const snippet = (el) => (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);

  // The colour actually painted behind an element: its own and its ancestors' backgrounds, stacked.
  function background(el) {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.backgroundImage !== "none") return { unknown: `background image on ${describe(n)}` };
      const c = parseColour(s.backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return { colour };
  }

  function opacity(el) {
    let value = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      value *= parseFloat(getComputedStyle(n).opacity);
    }
    return value;
  }

  // WCAG 1.4.6: large text is at least 18pt, or 14pt bold.
  function requiredTextContrast(style) {
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    return large ? 4.5 : 7;
  }

  function textContrastOf(el) {
    const s = getComputedStyle(el);
    const bg = background(el);
    const result = {
      element: describe(el), text: snippet(el), colour: s.color, required: requiredTextContrast(s),
    };
    if (bg.unknown) return { ...result, unknown: bg.unknown };
    const fg = parseColour(s.color);
    const painted = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg.colour);
    return { ...result, background: hex(bg.colour), ratio: contrast(painted, bg.colour) };
  }

  // Hidden on purpose, in the usual ways: moved off the page or shrunk to a pixel.
  function parkedOffPage(el) {
    const r = el.getBoundingClientRect();
    return r.right + scrollX <= 0 || r.bottom + scrollY <= 0 || (r.width <= 1 && r.height <= 1);
  }

  function textElements(root) {
    const found = new Set();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!t.data.trim() || !el || found.has(el)) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (parkedOffPage(el)) continue;
      found.add(el);
    }
    return [...found];
  }

  function textContrast() {
    return textElements(document.body).map(textContrastOf);
  }

  // --- Keyboard ----------------------------------------------------------------------------------

  const FOCUS_PROPERTIES = [
    "outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow",
    "background-color", "color", "text-decoration-line", "text-decoration-color",
    "text-decoration-thickness", "border-top-color", "border-right-color", "border-bottom-color",
    "border-left-color", "border-top-width", "border-right-width", "border-bottom-width",
    "border-left-width",
  ];
  const unfocused = new Map();

  function styleOf(el) {
    const s = getComputedStyle(el);
    return Object.fromEntries(FOCUS_PROPERTIES.map((p) => [p, s.getPropertyValue(p)]));
  }

  // Everything a keyboard user must be able to reach: native controls, whatever their tabindex
  // says (a visible link taken out of the Tab order is a link keyboard users cannot follow), and
  // elements made into controls with an ARIA role.
  const CONTROLS = [
    "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea",
    "details > summary:first-of-type", "iframe", "[contenteditable]:not([contenteditable=false])",
  ].join(",");
  const CONTROL_ROLES = new RegExp(
    "^(button|link|checkbox|radio|switch|tab|menuitem|menuitemcheckbox|menuitemradio|option|combobox|" +
      "textbox|searchbox|slider|spinbutton|treeitem)$",
  );

  function controls() {
    return [...document.querySelectorAll(`${CONTROLS}, [role][tabindex]`)].filter(
      (el) => (el.matches(CONTROLS) || CONTROL_ROLES.test(el.getAttribute("role"))) && !el.disabled &&
        !el.closest("[inert]") && el.checkVisibility({ visibilityProperty: true }),
    );
  }

  // Call with nothing focused: numbers the controls and remembers how each looks unfocused.
  function prepare() {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    unfocused.clear();
    return controls().map((el, key) => {
      el.__readingKey = key;
      unfocused.set(el, styleOf(el));
      return { key, element: describe(el), text: snippet(el) };
    });
  }

  function splitLayers(value) {
    const layers = [];
    let depth = 0, start = 0;
    for (let i = 0; i < value.length; i++) {
      if (value[i] === "(") depth++;
      else if (value[i] === ")") depth--;
      else if (value[i] === "," && depth === 0) {
        layers.push(value.slice(start, i));
        start = i + 1;
      }
    }
    layers.push(value.slice(start));
    return layers.map((l) => l.trim()).filter((l) => l && l !== "none");
  }

  // A colour function, a hex colour or a keyword, in one layer of a computed box-shadow.
  const COLOUR_IN_SHADOW = new RegExp(
    String.raw`(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^)]*\)|#[0-9a-f]+|\b[a-z]+\b(?!\()`, "i",
  );

  // Each visible part of the focus style: its colour's contrast with what it is drawn on, and how
  // thick it is (WCAG 2.4.13 asks for at least 2 CSS pixels).
  function focusIndicator(el) {
    const s = getComputedStyle(el);
    const before = unfocused.get(el) || {};
    const around = background(el.parentElement);
    const inside = background(el);
    if (around.unknown || inside.unknown) return { unknown: around.unknown || inside.unknown };
    const parts = [];
    const add = (part, css, thickness, behind) => {
      const c = parseColour(css);
      if (c[3] === 0) return;
      parts.push({ part, colour: hex(over(c, behind)), thickness, ratio: contrast(over(c, behind), behind) });
    };
    const outlineWidth = parseFloat(s.outlineWidth) || 0;
    if (s.outlineStyle !== "none" && outlineWidth > 0) {
      // "auto" is the browser's own ring, drawn at least 2px wide whatever the width says.
      const width = s.outlineStyle === "auto" ? Math.max(outlineWidth, 2) : outlineWidth;
      // Pulled inside the element by a negative offset, it is drawn on the element's own background.
      const behind = parseFloat(s.outlineOffset) <= -outlineWidth ? inside.colour : around.colour;
      add("outline", s.outlineColor, width, behind);
    }
    for (const layer of splitLayers(s.boxShadow)) {
      const colour = (COLOUR_IN_SHADOW.exec(layer.replace(/\binset\b/, "")) || ["currentcolor"])[0];
      const lengths = layer.replace(colour, "").match(/-?[\d.]+px/g) || [];
      const [x, y, , spread] = lengths.map(parseFloat).concat([0, 0, 0, 0]);
      const inset = /\binset\b/.test(layer);
      add(inset ? "inset box-shadow" : "box-shadow", colour === "currentcolor" ? s.color : colour,
        Math.max(Math.abs(x), Math.abs(y)) + (spread || 0), inset ? inside.colour : around.colour);
    }
    if (before["background-color"] !== undefined && before["background-color"] !== s.backgroundColor) {
      const r = el.getBoundingClientRect();
      add("background", s.backgroundColor, Math.min(r.width, r.height), around.colour);
    }
    for (const side of ["top", "right", "bottom", "left"]) {
      const colour = s.getPropertyValue(`border-${side}-color`);
      const width = parseFloat(s.getPropertyValue(`border-${side}-width`)) || 0;
      if (width > 0 && before[`border-${side}-color`] !== colour) {
        add(`border-${side}`, colour, width, around.colour);
      }
    }
    return { around: hex(around.colour), parts };
  }

  function isScroller(el) {
    const s = getComputedStyle(el);
    return /(auto|scroll)/.test(s.overflowX + s.overflowY) &&
      (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
  }

  // Whether any part of the element can be seen, or something else is drawn on top of all of it.
  function coveredBy(el) {
    const width = document.documentElement.clientWidth, height = window.innerHeight;
    let cover = null;
    for (const r of el.getClientRects()) {
      const x = Math.min(Math.max(r.left + r.width / 2, 0), width - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), height - 1);
      if (r.right <= 0 || r.bottom <= 0 || r.left >= width || r.top >= height) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) return null;
      cover = cover || (hit ? describe(hit) : "nothing at that point");
    }
    return cover || "no part of it is inside the window";
  }

  function firstControlIn(container) {
    const el = controls().find((candidate) => container.contains(candidate) && candidate.tabIndex >= 0);
    return el ? describe(el) : null;
  }

  // What has focus now; null once focus has left the page.
  function focusRecord() {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const key = el.__readingKey === undefined ? null : el.__readingKey;
    const r = el.getBoundingClientRect();
    return {
      key,
      element: describe(el),
      text: snippet(el),
      focused: styleOf(el),
      unfocused: unfocused.get(el) || null,
      indicator: focusIndicator(el),
      textContrast: textContrastOf(el),
      scroller: isScroller(el),
      coveredBy: coveredBy(el),
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
      visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    };
  }

  // --- Layout ------------------------------------------------------------------------------------

  function insideClippingBox(el) {
    for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
      if (getComputedStyle(n).overflowX !== "visible") return true;
    }
    return false;
  }

  // Anything sticking out past the left or right edge of the viewport, where it cannot be read
  // without scrolling sideways (or at all, if the page hides the overflow).
  function horizontalOverflow() {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const outside = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (!el.checkVisibility() || parkedOffPage(el) || insideClippingBox(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const left = r.left + scrollX, right = r.right + scrollX;
      if (left < -0.5 || right > width + 0.5) {
        outside.push({ element: describe(el), text: snippet(el), left, right });
      }
    }
    return {
      scrollWidth: doc.scrollWidth, bodyScrollWidth: document.body.scrollWidth, clientWidth: width, outside,
    };
  }

  // Content bigger than its box: cut off if the box hides overflow, drawn over whatever follows if
  // not. Either is what a fixed height does to text once it is enlarged. Boxes that scroll are fine.
  function clippedText() {
    const clipped = [];
    for (const el of document.body.querySelectorAll("*")) {
      const s = getComputedStyle(el);
      if (!el.checkVisibility() || parkedOffPage(el) || el.clientHeight === 0) continue;
      if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        clipped.push({
          element: describe(el), text: snippet(el), overflow: `${s.overflowX} ${s.overflowY}`,
          content: [el.scrollWidth, el.scrollHeight], box: [el.clientWidth, el.clientHeight],
        });
      }
    }
    return clipped;
  }

  // Lines set closer together than the text is tall run into each other.
  function crampedLines() {
    return textElements(document.body).flatMap((el) => {
      const s = getComputedStyle(el);
      const lineHeight = parseFloat(s.lineHeight), fontSize = parseFloat(s.fontSize);
      return s.lineHeight !== "normal" && lineHeight < fontSize
        ? [{ element: describe(el), text: snippet(el), lineHeight, fontSize }] : [];
    });
  }

  // Blocks laid out in the normal flow that are drawn on top of one another.
  function overlappingBlocks(root) {
    const inFlow = (el) => {
      const s = getComputedStyle(el);
      return el.checkVisibility() && !parkedOffPage(el) && !["absolute", "fixed"].includes(s.position) &&
        s.float === "none" && !s.display.startsWith("inline") && !["none", "contents"].includes(s.display);
    };
    const overlaps = [];
    for (const parent of [root, ...root.querySelectorAll("*")]) {
      const kids = [...parent.children].filter(inFlow).map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.height > 0);
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const [a, ra] = kids[i], [b, rb] = kids[j];
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 0.5 && h > 0.5) {
            overlaps.push({
              first: describe(a), second: describe(b), firstText: snippet(a), secondText: snippet(b),
              overlap: [w, h],
            });
          }
        }
      }
    }
    return overlaps;
  }

  // --- Motion ------------------------------------------------------------------------------------

  const seconds = (list) =>
    list.split(",").map((v) => (v.trim().endsWith("ms") ? parseFloat(v) / 1000 : parseFloat(v)) || 0);

  function motion() {
    const moving = [];
    for (const animation of document.getAnimations()) {
      const target = animation.effect && animation.effect.target;
      const name = animation.animationName || animation.transitionProperty || "";
      const what = `running ${animation.constructor.name} ${name}`.trim();
      moving.push({ element: describe(target), what });
    }
    for (const el of [document.documentElement, ...document.querySelectorAll("*")]) {
      for (const pseudo of [null, "::before", "::after", "::marker"]) {
        const s = getComputedStyle(el, pseudo);
        const where = describe(el) + (pseudo || "");
        if (Math.max(...seconds(s.transitionDuration)) > 0) {
          moving.push({ element: where, what: `transition-duration ${s.transitionDuration}` });
        }
        if (s.animationName !== "none" && Math.max(...seconds(s.animationDuration)) > 0) {
          moving.push({ element: where, what: `animation ${s.animationName} ${s.animationDuration}` });
        }
        if (pseudo === null && s.scrollBehavior === "smooth") {
          moving.push({ element: where, what: "scroll-behavior: smooth" });
        }
      }
    }
    return moving;
  }

  window.__reading = {
    textContrast, prepare, focusRecord, horizontalOverflow,
    clippedText, crampedLines, overlappingBlocks, motion, describe, coveredBy, firstControlIn,
  };
}
"""


def tab_through(page):
    """Presses Tab from the top of the page until focus leaves it or comes round again.

    Returns the controls a keyboard user should be able to reach, in page order, and what had
    focus at each Tab stop.
    """
    expected = page.evaluate("() => window.__reading.prepare()")
    stops = []
    for _ in range(2 * len(expected) + 20):
        page.keyboard.press("Tab")
        record = page.evaluate("() => window.__reading.focusRecord()")
        if record is None or (stops and record["element"] == stops[0]["element"]):
            break
        stops.append(record)
    return expected, stops


def format_rows(rows):
    return "\n".join(f"  - {row}" for row in rows)
