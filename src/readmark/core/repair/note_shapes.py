"""The shapes a print conversion gives a footnote's marker and its body.

Converters write the same printed note many ways:

- `<sup>1</sup>`, `<sup>①</sup>`, `<sup>[1]</sup>` (most HTML-minded tools);
- `<sup>3.</sup>` for a body printed `3.` at the page foot (journals set in LaTeX,
  JMLR), whose marker the converter often flattened to a bare digit (`expert.3`);
- `$^{1}$`, `$^1$` (MinerU, marker and Nougat write superscripts as LaTeX);
- `¹`, `²³` (Unicode superscript digits: OCR, pdftotext, hand-made e-texts);
- `[1](#page-159-1)` for the marker and `<span id="page-159-1"></span><sup>1</sup> text`
  for the body (marker links its notes to the body's anchor);
- a bare digit after a word (`之協助 4，`, `California.4 The`), its body a line
  starting with the digit at the page foot (`4 See Faretta v. California…`).

A body is recognised by its opening (`body_match`); its marker by `marker_pattern`,
which for a bare digit asks for evidence that it is no number of the text: one or
two digits right after a word or a sentence's punctuation, followed by punctuation,
a line end or a new sentence, never inside a number (`1878`, `16.00`), never a
quantity (`4 miles`) and never after a word that numbers things (`chapter 4`, `第 4`).
"""

from __future__ import annotations

import re

from readmark.core.lazy_re import lazy

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# Empty anchors a converter puts before a body (`<span id="page-159-1"></span>`).
_ANCHORS = r"(?P<anchors>(?:<(?:span|a) (?:id|name)=\"[^\"<>]{1,80}\"></(?:span|a)>)*)"
_SUP_MARK = r"(?:[\u2460-\u2473]|\[\d{1,3}\]|\d{1,3}|\*{1,3}|[†‡])"
_LATEX_SUP = r"\$\s?\^\s?(?:\{\s?(?P<latex>\d{1,3}|\*)\s?\}|(?P<latex1>\d))\s?\$"
# A body written with a superscript: <sup>, LaTeX or Unicode digits, anchors before it.
# Nougat's inline LaTeX: `\({}^{1}\)`.
_PAREN_LATEX_SUP = r"\\\(\s?\{\}\^\{\s?(?P<platex>\d{1,3})\s?\}\s?\\\)"
SUPERSCRIPT_BODY = lazy(
    rf"^ {{0,3}}{_ANCHORS}(?:<sup>[ \t]*(?P<sup>{_SUP_MARK})\.?[ \t]*</sup>|{_LATEX_SUP}"
    rf"|{_PAREN_LATEX_SUP}|(?P<uni>[{SUPERSCRIPT_DIGITS}]{{1,3}})(?=\s|[^\W\d_]))"
    r"[ \t\u3000]*(?=\S)"
)
# A bare body: `① text`, `[1] text`, `4 See Faretta…` (the digit then a new sentence),
# Nougat's `Footnote 4: text` (labelled: a body wherever it stands).
BARE_BODY = lazy(
    r"^ {0,3}(?:Footnote[ \t]+(?P<label>[1-9]\d{0,2})[ \t]*:"
    r"|(?P<sym>[\u2460-\u2473]|\[\d{1,3}\](?!\()"
    r"|(?P<digit>[1-9]\d?)(?=[ \t\u3000]+[A-Z\"“(\u4e00-\u9fff])))"
    r"[ \t\u3000]*(?=\S)"
)
_ANCHOR_ID = lazy(r'(?:id|name)="([^"<>]{1,80})"')


def body_symbol(match: re.Match[str]) -> str:
    """The note's symbol as one spelling: `1` for `<sup>1</sup>`, `$^{1}$`, `¹`, `[1]`."""
    groups = match.groupdict()
    for name in ("sup", "latex", "latex1", "platex", "uni", "label", "sym"):
        value = groups.get(name)
        if value:
            return value.strip("[]").translate(_FROM_SUPERSCRIPT)
    return ""


def body_anchor_ids(match: re.Match[str]) -> tuple[str, ...]:
    """The ids of the anchors before the body (what marker's `[1](#id)` links to)."""
    return tuple(_ANCHOR_ID.findall(match.groupdict().get("anchors") or ""))


def is_bare_digit_body(match: re.Match[str]) -> bool:
    """Marked in the text by a bare digit: `4 See…`, `Footnote 4: …`."""
    return bool(match.groupdict().get("digit") or match.groupdict().get("label"))


def is_labelled_body(match: re.Match[str]) -> bool:
    """`Footnote 4: …`: says itself that it is a note."""
    return bool(match.groupdict().get("label"))


# Words after which a number is the text's own reference, never a note marker.
_NUMBERING_WORDS = lazy(
    r"(?:(?<![A-Za-z])(?:chapter|chap|section|sect|sec|page|pages|pp|p|figure|fig|table|tab|"
    r"vol|volume|no|number|art|article|part|book|verse|line|lines|step|item|exercise|ex|eq|"
    r"equation|appendix|note|notes|footnote|act|scene|canto|psalm|room|age|aged|grade|class|level|"
    r"year|years|week|day|days|hour|hours|version|v)|[§第卷页頁条條章节節回图圖表号號约約])"
    r"[.\s]*$",
    re.IGNORECASE,
)


def marker_pattern(
    symbol: str, anchor_ids: tuple[str, ...], bare_digit: bool, glued: bool = True
) -> re.Pattern[str]:
    """Where a note's marker may stand in the running text. Without `glued`, a bare
    digit counts only after punctuation or a space, never glued to a word (`bfloat16`)."""
    s = re.escape(symbol)
    forms: list[str] = []
    if symbol.isascii() and symbol.isdigit():
        forms.append(rf"<sup>[ \t]*(?:{s}|\[{s}\])[ \t]*</sup>")
        forms.append(rf"\$\s?\^\s?(?:\{{\s?{s}\s?\}}|{s})\s?\$")
        forms.append(rf"\\\(\s?\{{\}}\^\{{\s?{s}\s?\}}\s?\\\)")
        # ¹ after a word or its punctuation (a space between allowed), never at a
        # line's start (a lone `¹` is no marker), a unit's power (m², cm³ after a
        # number) nor a fraction (¹⁄₂).
        sup = re.escape(symbol.translate(_TO_SUPERSCRIPT))
        forms.append(
            r"(?:(?<=\S)|(?<=\S[ \u3000]))"
            rf"(?<![{SUPERSCRIPT_DIGITS}])(?<!\d m)(?<!\dm)(?<!\d cm)(?<!\dcm)"
            rf"(?<!\d km)(?<!\dkm){sup}(?![{SUPERSCRIPT_DIGITS}⁄/])"
        )
        for anchor in anchor_ids:
            forms.append(rf"\[\s?{s}\s?\]\(#{re.escape(anchor)}\)")
        if bare_digit:
            # After a word or its punctuation, a space between allowed (`之協助 4，`,
            # `on Github. 1`, `benchmark.5 We`): then punctuation, a line end, or a
            # new sentence, never more words (`4 miles`).
            forms.append(
                rf"(?:(?<=[^\W\d_][.,;:!?”’\"')）])|(?<=[^\W\d_][.,;:!?”’\"')）][ \u3000])"
                # `(e.g. fan-in).6`: a bracket or quotation mark closed, then the stop.
                rf"|(?<=[^\W\d_][”’\"')）][.,;:!?])"
                rf"|(?<=[^\W\d_][ \u3000])){s}"
                r"(?!\d)(?![.,]\d)(?=[,.;:!?，。、；：)）\]]|[ \t\u3000]*(?:\n|$)"
                # pdftotext sets a space between a raised digit and the stop: `…sort)1 .`
                r"|[ \t\u3000]+[A-Z“\"(\u4e00-\u9fff]|[ \t][.,;:](?=\s|$))"
            )
        if bare_digit and glued:
            # Glued to a lower-case word or to Chinese (`shift2 involves`, `協助4，`),
            # never to capitals (`CO2`, `MP3`).
            forms.append(
                rf"(?<=[a-z\u00df-\u00ff\u4e00-\u9fff\u3040-\u30ff]){s}"
                r"(?!\d)(?![.,]\d)(?=[\s,.;:!?，。、；：)）\]]|$)"
            )
    else:
        forms.append(rf"<sup>[ \t]*{s}[ \t]*</sup>")
        if symbol == "*":
            forms.append(r"\$\s?\^\s?\{\s?\*\s?\}\s?\$")
    return re.compile("|".join(forms))


def numbering_word_before(text: str, start: int) -> bool:
    """Does a word that numbers things (`chapter`, `第`, `p.`) stand right before `start`?"""
    return bool(_NUMBERING_WORDS.search(text[max(0, start - 12) : start]))
