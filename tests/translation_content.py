"""A Polish translation of content/, written by the tests themselves (no translation ships in content/)."""

import shutil
from pathlib import Path

from django.conf import settings

LEAFLET = "leaflets/serious-case-reviews"

POLISH = {
    "translations/pl/language.yaml": "name: Polski\nname_in_english: Polish\ndirection: ltr\noffered: true\n",
    "translations/pl/boards.yaml": (
        "- key: peterborough\n  name: Rada ds. Ochrony Dzieci w Peterborough\n"
        "- key: cambridgeshire\n  name: Lokalna Rada ds. Ochrony Dzieci w Cambridgeshire\n"
    ),
    "translations/pl/guidance.yaml": (
        "- key: working-together-2015\n"
        "  title: Wspólna praca na rzecz ochrony dzieci, 2015 – rozdział 4\n"
        "  description: Wytyczne rządu dla organizacji pracujących z dziećmi.\n"
    ),
    "translations/pl/interface.yaml": "contents: Spis treści\nexit_page: Wyjdź z tej strony\n",
    f"{LEAFLET}/translations/pl/leaflet.yaml": (
        "title: 'Poważne przeglądy przypadków: informacje dla rodzin'\n"
        "closing_text: |\n  W tej ulotce odpowiedzieliśmy na najczęstsze pytania rodzin.\n"
        "last_reviewed: 2026-11-01\n"
    ),
    f"{LEAFLET}/translations/pl/questions/01-what-is-the-lscb.md": (
        "---\nanchor: what-is-the-lscb\nquestion: Czym jest Lokalna Rada ds. Ochrony Dzieci (LSCB)?\n---\n"
        "**LSCB** skupia wszystkie główne organizacje pracujące z dziećmi i rodzinami.\n"
    ),
    f"{LEAFLET}/translations/pl/questions/07-how-long-will-the-review-take.md": (
        "---\nanchor: how-long-will-the-review-take\nquestion: Jak długo potrwa przegląd?\n---\n"
        "Zwykle około sześciu miesięcy.\n"
    ),
    "pages/translations/pl/privacy.md": (
        "---\nslug: privacy\ntitle: Prywatność i pliki cookie\n---\n"
        "Ta strona jest prowadzona przez lokalne rady ds. ochrony dzieci.\n"
    ),
}


def write_files(folder, files):
    for relative, text in files.items():
        path = Path(folder, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def content_with_polish(tmp_path, extra=None):
    """A copy of content/ with the Polish translation (and any `extra` files) written into it."""
    folder = Path(tmp_path) / "content"
    shutil.copytree(settings.CONTENT_DIR, folder)
    write_files(folder, {**POLISH, **(extra or {})})
    return folder
