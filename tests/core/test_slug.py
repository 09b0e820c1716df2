"""The plain-text loader's anchors are Python-Markdown's slugs, without importing it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import slugify_unicode

from readmark.core.formats.slug import slug

EDGE_UNDERSCORES = re.compile(r"(?:^|(?<=-))_+|_+(?=-|$)")


def _markdowns(title: str) -> str:
    return EDGE_UNDERSCORES.sub("", slugify_unicode(title, "-"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="第一章回 　\t-_—·.:：Ab Zé1２IVX()《》「」!?\n", max_size=40))
def test_heading_like_titles_slug_as_python_markdown_does(title: str) -> None:
    assert slug(title) == _markdowns(title)


@given(st.text(max_size=60))
def test_any_title_slugs_as_python_markdown_does(title: str) -> None:
    assert slug(title) == _markdowns(title)


def test_examples() -> None:
    assert slug("第一章 风起") == "第一章-风起"
    assert slug("CHAPTER XII. The End") == "chapter-xii-the-end"
    assert slug("__Part__ One_") == "part-one"
    assert slug("——") == ""  # the loader then names it "chapter"
