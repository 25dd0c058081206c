"""Pseudo-translations of English text, for seeing how a page copes with other languages.

- `accented`: every letter accented and the text about 40% longer, as many languages run
  longer than English (Polish and Lithuanian often by a third or more). Still readable, so
  staff can tell which text is which, and any text left in plain English stands out.
- `mirrored`: every word set right to left, as Urdu or Arabic would be, yet still readable.
  Each word is written backwards inside a right-to-left override (U+202E ... U+202C), so it
  displays the right way round while the words run from right to left.

Only the words change. Markdown's marks, link addresses, web and email addresses,
HTML entities, `code` and placeholders such as {date} are kept exactly as they are.
"""

import re

ENGLISH_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ACCENTED_LETTERS = "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
_ACCENT = str.maketrans(ENGLISH_LETTERS, ACCENTED_LETTERS)
RIGHT_TO_LEFT_OVERRIDE, POP_DIRECTIONAL_FORMATTING = "\u202e", "\u202c"
# Each word gets half as many letters again; with the spaces and punctuation left as they are,
# a whole text comes out about 40% longer.
LETTERS_ADDED = 0.5

# Text that must come through unchanged, tried in this order at each point.
_KEPT = re.compile(
    r"""
      \]\([^)\s]*(?:\s+"[^"]*")?\)        # a Markdown link's address (and title): ](https://… "…")
    | <[^<>\n]+>                          # an <https://…> link or an HTML tag
    | (?:https?://|www\.)[^\s<>()\[\]]+    # a web address written out
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+         # an email address
    | \{[a-z_]+\}                         # a placeholder, such as {date}
    | &\#?[a-zA-Z0-9]+;                    # an HTML entity
    | `[^`\n]*`                           # code
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"[A-Za-z]+")
_VOWELS = "aeiouyAEIOUY"


def _longer(word):
    """The word with half as many letters again, made by sounding its vowels longer."""
    extra = round(len(word) * LETTERS_ADDED + 0.1)
    vowels = [index for index, letter in enumerate(word) if letter in _VOWELS] or [len(word) - 1]
    counts = [0] * len(word)
    for step in range(extra):
        counts[vowels[step % len(vowels)]] += 1
    return "".join(letter * (1 + counts[index]) for index, letter in enumerate(word))


def _accent_word(match):
    return _longer(match.group()).translate(_ACCENT)


def _mirror_word(match):
    return RIGHT_TO_LEFT_OVERRIDE + match.group()[::-1] + POP_DIRECTIONAL_FORMATTING


def _words_only(text, change_word):
    parts, position = [], 0
    for kept in _KEPT.finditer(text):
        parts.append(_WORD.sub(change_word, text[position : kept.start()]))
        parts.append(kept.group())
        position = kept.end()
    parts.append(_WORD.sub(change_word, text[position:]))
    return "".join(parts)


def accented(text):
    """`text` with its words accented, and about 40% longer."""
    return _words_only(text or "", _accent_word)


def mirrored(text):
    """`text` with its words set right to left."""
    return _words_only(text or "", _mirror_word)
