"""KOReader's sidecars as data: a Lua table literal, parsed, never run.

A sidecar is `return { ... }` written by KOReader's serializer: tables,
strings, numbers, booleans and nil. luaparser (py-lua-parser) parses the Lua
grammar into a syntax tree without executing anything; this module then walks
the tree and accepts only that one statement and literal values, so a file
holding a function call, an operator or a name is refused, not evaluated.

String escapes are decoded here from the literal's source text, per the Lua
5.4 manual (§3.1): luaparser's own decoding drops the newline of `\\` +
newline (KOReader writes every newline in a string that way) and turns
decimal byte escapes (`\\195\\169`) into code points instead of bytes.
"""

from __future__ import annotations

import re
import sys
from typing import TypeAlias

from readmark.core.export.w3c_import import AnnotationImportError
from readmark.core.i18n import QT_TRANSLATE_NOOP

LuaValue: TypeAlias = "str | int | float | bool | None | dict[object, LuaValue]"

MAX_DEPTH = 64  # KOReader's own sidecars nest 4 deep
# luaparser's ANTLR parse takes ~25 s a megabyte on a slow machine; a sidecar holds
# ~0.6 KB a highlight (the 1984 sample: 14 KB), so 2 MB is some 3,000 highlights.
MAX_CHARS = 2_000_000
_ESCAPE = re.compile(
    r"\\(?:(?P<simple>[abfnrtv\\\"'])|(?P<newline>\r\n|\n\r|\n|\r)|(?P<z>z\s*)"
    r"|x(?P<hex>[0-9A-Fa-f]{2})|(?P<dec>[0-9]{1,3})|u\{(?P<uni>[0-9A-Fa-f]{1,8})\}"
    r"|(?P<bad>.|$))",
    re.DOTALL,
)
_TOO_DEEP = QT_TRANSLATE_NOOP(
    "ImportError",
    "The file is not a KOReader sidecar Readmark can read: its tables nest more than {limit} deep.",
)
_CODE = QT_TRANSLATE_NOOP(
    "ImportError",
    "The file is not a KOReader sidecar Readmark can read: it holds code, not only data; "
    "Readmark never runs it.",
)
_UNTERMINATED = QT_TRANSLATE_NOOP(
    "ImportError",
    "The file is not a KOReader sidecar Readmark can read: a string or comment is not closed.",
)
_SIMPLE = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, '"': 34, "'": 39}


def _refuse(template: str) -> AnnotationImportError:
    """`template`: a whole sentence marked QT_TRANSLATE_NOOP("ImportError", …)."""
    return AnnotationImportError(template, limit=MAX_DEPTH)


def loads(text: str) -> dict[object, LuaValue]:
    """The table a sidecar returns, or AnnotationImportError; never runs any code."""
    from luaparser import astnodes

    if len(text) > MAX_CHARS:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "The file is larger than a KOReader sidecar can be ({limit} MB); it is not one.",
            ),
            limit=MAX_CHARS // 1_000_000,
        )
    _screen(text)
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(limit, 20000))
        tree = _parse(text)
    except RecursionError as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "The file is not a KOReader sidecar Readmark can read: it is nested too deeply.",
            )
        ) from exc
    except Exception as exc:  # luaparser raises its own SyntaxException and ANTLR errors
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "The file is not a KOReader sidecar Readmark can read: it is not Lua.",
            )
        ) from exc
    finally:
        sys.setrecursionlimit(limit)
    body = tree.body.body  # type: ignore[attr-defined]
    # Anything but one `return {…}` is code (a call, an assignment, a loop): refused.
    if len(body) != 1 or not isinstance(body[0], astnodes.Return) or len(body[0].values) != 1:
        raise _refuse(_CODE)
    table = body[0].values[0]
    if not isinstance(table, astnodes.Table):
        raise _refuse(_CODE)
    value = _value(table, astnodes, 1)
    assert isinstance(value, dict)
    return value


def _parse(text: str) -> object:
    """luaparser's `ast.parse` without its console error listener, which prints
    lexer errors to stderr (the CLI's stderr is for one clear line)."""
    from antlr4 import CommonTokenStream, InputStream, Token
    from antlr4.error.ErrorStrategy import BailErrorStrategy
    from luaparser.ast import BailErrorListener
    from luaparser.builder import BuilderVisitor
    from luaparser.parser.LuaLexer import LuaLexer
    from luaparser.parser.LuaParser import LuaParser

    lexer = LuaLexer(InputStream(text))
    lexer.removeErrorListeners()
    lexer.addErrorListener(BailErrorListener())
    tokens = CommonTokenStream(lexer, channel=Token.DEFAULT_CHANNEL)
    parser = LuaParser(tokens)
    parser.removeErrorListeners()
    parser.addErrorListener(BailErrorListener())
    parser._errHandler = BailErrorStrategy()
    tree = parser.start_()
    return BuilderVisitor(tokens).visit(tree)


def _screen(text: str) -> None:
    """Refuse, before parsing, what no serialized table holds: tokens other than a
    table literal's (parentheses, operators, calls), nesting beyond MAX_DEPTH, an
    unterminated string. In one linear pass: ANTLR takes quadratic time on some
    shapes of code (20,000 nested parentheses would take minutes), so code never
    reaches it."""
    blanked = _outside_strings(text)
    leftover = _TOKENS.sub("", blanked)
    if leftover.strip():
        raise _refuse(_CODE)
    depth = deepest = 0
    for char in blanked:
        if char == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise _refuse(_TOO_DEEP)


# What a table literal is made of once strings and comments are blanked: brackets,
# `=`, separators, names (keys, `return`, `true`, `false`, `nil`), numbers (a minus
# only directly before one).
_TOKENS = re.compile(
    r"\s+|[{}\[\]=,;]|[A-Za-z_][A-Za-z0-9_]*"
    r"|-?\s*(?:0[xX][0-9A-Fa-f]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?![A-Za-z0-9_.])"
)


def _outside_strings(text: str) -> str:
    """The text with its string literals and comments replaced by spaces, in one pass;
    an unterminated string or long bracket is refused."""
    out: list[str] = []
    at, end = 0, len(text)
    while at < end:
        char = text[at]
        if char in "\"'":
            close = at + 1
            while close < end and text[close] != char:
                if text[close] == "\\":
                    close += 1
                elif text[close] == "\n":
                    raise _refuse(_UNTERMINATED)
                close += 1
            if close >= end:
                raise _refuse(_UNTERMINATED)
            out.append(" ")
            at = close + 1
        elif char == "[" and (long := _LONG_OPEN.match(text, at)):
            closing = "]" + long[1] + "]"
            close = text.find(closing, long.end())
            if close < 0:
                raise _refuse(_UNTERMINATED)
            out.append(" ")
            at = close + len(closing)
        elif text.startswith("--", at):
            long = _LONG_OPEN.match(text, at + 2)
            if long:
                close = text.find("]" + long[1] + "]", long.end())
                if close < 0:
                    raise _refuse(_UNTERMINATED)
                at = close + len(long[1]) + 2
            else:
                newline = text.find("\n", at)
                at = end if newline < 0 else newline
            out.append(" ")
        else:
            out.append(char)
            at += 1
    return "".join(out)


_LONG_OPEN = re.compile(r"\[(=*)\[")


def _value(node: object, nodes: object, depth: int) -> LuaValue:
    n = nodes  # the luaparser.astnodes module
    if depth > MAX_DEPTH:
        raise _refuse(_TOO_DEEP)
    if isinstance(node, n.Table):  # type: ignore[attr-defined]
        table: dict[object, LuaValue] = {}
        position = 0
        for item in node.fields:
            if item.key is None:  # a positional value: {"a", "b"}
                position += 1
                key: object = position
            else:
                key = _key(item.key, n, item.between_brackets, depth)
            table[key] = _value(item.value, n, depth + 1)
        return table
    if isinstance(node, n.String):  # type: ignore[attr-defined]
        return _string(node, n)
    if isinstance(node, n.Number):  # type: ignore[attr-defined]
        return _number(node.n)
    if isinstance(node, n.UMinusOp) and isinstance(node.operand, n.Number):  # type: ignore[attr-defined]
        return -_number(node.operand.n)
    if isinstance(node, n.TrueExpr):  # type: ignore[attr-defined]
        return True
    if isinstance(node, n.FalseExpr):  # type: ignore[attr-defined]
        return False
    if isinstance(node, n.Nil):  # type: ignore[attr-defined]
        return None
    raise _refuse(_CODE)


def _key(node: object, n: object, bracketed: bool, depth: int) -> object:
    if not bracketed and isinstance(node, n.Name):  # type: ignore[attr-defined]
        return str(node.id)  # name = value
    value = _value(node, n, depth + 1)
    if isinstance(value, dict) or value is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "The file is not a KOReader sidecar Readmark can read: a table key is not a string or a number.",
            )
        )
    return value


def _number(value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "ImportError",
                "The file is not a KOReader sidecar Readmark can read: a number cannot be read.",
            )
        )
    return value


def _string(node: object, n: object) -> str:
    raw = str(node.raw)  # type: ignore[attr-defined]
    if node.delimiter == n.StringDelimiter.DOUBLE_SQUARE:  # type: ignore[attr-defined]
        data = raw.encode("utf-8", "surrogatepass")  # a long string: no escapes
    else:
        data = _unescape(raw)
    return data.decode("utf-8", "replace")


def _unescape(raw: str) -> bytes:
    out = bytearray()
    at = 0
    for match in _ESCAPE.finditer(raw):
        out += raw[at : match.start()].encode("utf-8", "surrogatepass")
        at = match.end()
        if match["simple"]:
            out.append(_SIMPLE[match["simple"]])
        elif match["newline"]:
            out.append(10)
        elif match["z"] is not None:
            pass
        elif match["hex"]:
            out.append(int(match["hex"], 16))
        elif match["dec"]:
            byte = int(match["dec"])
            if byte > 255:
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "ImportError",
                        "The file is not a KOReader sidecar Readmark can read: a string escape is out of range.",
                    )
                )
            out.append(byte)
        elif match["uni"]:
            code = int(match["uni"], 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "ImportError",
                        "The file is not a KOReader sidecar Readmark can read: a string escape is out of range.",
                    )
                )
            out += chr(code).encode("utf-8")
        else:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "ImportError",
                    "The file is not a KOReader sidecar Readmark can read: a string has an invalid escape.",
                )
            )
    out += raw[at:].encode("utf-8", "surrogatepass")
    return bytes(out)
