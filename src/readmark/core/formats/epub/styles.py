"""Publisher CSS, reduced to what serves reading.

Qt's rich text honours only a little CSS, and the sanitiser removes `style`
attributes anyway, so publisher styles are not passed on. Instead the few
declarations that carry meaning are read from the book's stylesheets (rules
whose selector is a simple `tag`, `.class` or `tag.class`) and from `style`
attributes, and the renderer turns them into markup Qt understands:

- `font-style: italic|oblique` -> `<i>`; `font-weight: bold|bolder|600…900` -> `<b>`;
- `text-align` on a block -> `align=`;
- `font-variant: small-caps` (or `font-variant-caps`) -> class `small-caps`, for
  the view's stylesheet to style;
- `float: left|right` on an inline element (a poem's line numbers, a page
  number in the margin) -> class `aside` and an em space before it: Qt cannot
  float text, and run into the verse a number reads as part of it ("out80").

Everything else goes: fonts and sizes, colours (they fight dark mode), margins,
positioning, floats, `writing-mode` (vertical CJK is shown horizontally).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SIMPLE = re.compile(r"^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)$", re.I)
_ALIGN = frozenset({"left", "right", "center", "justify"})
MAX_CSS_CHARS = 1024 * 1024


@dataclass(frozen=True)
class Style:
    italic: bool | None = None
    bold: bool | None = None
    align: str = ""
    small_caps: bool = False
    floats: bool = False

    def merged(self, other: Style) -> Style:
        """`other` applied over this one."""
        return Style(
            italic=other.italic if other.italic is not None else self.italic,
            bold=other.bold if other.bold is not None else self.bold,
            align=other.align or self.align,
            small_caps=other.small_caps or self.small_caps,
            floats=other.floats or self.floats,
        )


NO_STYLE = Style()


def parse_declarations(text: str) -> Style:
    italic: bool | None = None
    bold: bool | None = None
    align = ""
    small_caps = False
    floats = False
    for declaration in text.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        value = value.replace("!important", "").strip().lower()
        if name == "font-style":
            italic = value in ("italic", "oblique")
        elif name == "font-weight":
            bold = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
        elif name == "text-align" and value in _ALIGN:
            align = value
        elif name in ("font-variant", "font-variant-caps") and "small-caps" in value:
            small_caps = True
        elif name == "float" and value in ("left", "right"):
            floats = True
        elif name == "font":
            words = value.split()
            italic = True if "italic" in words or "oblique" in words else italic
            bold = True if "bold" in words else bold
            small_caps = small_caps or "small-caps" in words
    return Style(italic, bold, align, small_caps, floats)


class StyleSheet:
    """Simple-selector rules of the book's CSS, looked up by tag and classes."""

    def __init__(self) -> None:
        self._rules: dict[tuple[str, str], Style] = {}  # (tag or "", class or "")

    def add(self, css: str) -> None:
        css = _strip_at_rules(_strip_comments(css[:MAX_CSS_CHARS]))
        for rule in css.split("}"):
            selectors, brace, body = rule.partition("{")
            if not brace:
                continue
            style = parse_declarations(body)
            if style == NO_STYLE:
                continue
            for selector in selectors.split(","):
                simple = _SIMPLE.match(selector.strip())
                if not simple or not (simple.group(1) or simple.group(2)):
                    continue
                tag = (simple.group(1) or "").lower()
                classes = [c for c in simple.group(2).split(".") if c]
                for cls in classes or [""]:
                    key = (tag, cls)
                    self._rules[key] = self._rules.get(key, NO_STYLE).merged(style)

    def __bool__(self) -> bool:
        return bool(self._rules)

    def style_of(self, tag: str, classes: list[str], inline: str) -> Style:
        style = self._rules.get((tag, ""), NO_STYLE)
        for cls in classes:
            style = style.merged(self._rules.get(("", cls), NO_STYLE))
            style = style.merged(self._rules.get((tag, cls), NO_STYLE))
        if inline:
            style = style.merged(parse_declarations(inline))
        return style


def _strip_comments(css: str) -> str:
    out: list[str] = []
    pos = 0
    while (start := css.find("/*", pos)) >= 0:
        out.append(css[pos:start])
        end = css.find("*/", start + 2)
        pos = len(css) if end < 0 else end + 2
    out.append(css[pos:])
    return "".join(out)


def _strip_at_rules(css: str) -> str:
    """`css` without @-rules (`@import …;`, `@media … { … }`, `@font-face { … }`):
    one linear pass, whatever the nesting."""
    out: list[str] = []
    pos = 0
    while (at := css.find("@", pos)) >= 0:
        out.append(css[pos:at])
        semicolon, brace = css.find(";", at), css.find("{", at)
        if brace < 0 or 0 <= semicolon < brace:
            pos = len(css) if semicolon < 0 else semicolon + 1
            continue
        depth, pos = 0, brace
        while pos < len(css):
            char = css[pos]
            depth += (char == "{") - (char == "}")
            pos += 1
            if depth == 0:
                break
    out.append(css[pos:])
    return "".join(out)
