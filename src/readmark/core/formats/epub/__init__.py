"""EPUB 2 and 3 books: a package of XHTML files inside a ZIP archive.

Modules, in the order a book goes through them: `archive` (safe ZIP access),
`package` (container.xml and the OPF), `toc` (navigation document and NCX),
`scan` (a quick look at each spine file when opening), `loader` (the Book),
then, when a view asks for a section, `render` with `markup` (tolerant parsing),
`styles` (publisher CSS reduced to what serves reading) and `transform`
(reshaping for Qt rich text); `resources` serves the book's images.
"""

from readmark.core.formats.epub.loader import load_epub

__all__ = ["load_epub"]
