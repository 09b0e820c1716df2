"""Markdown books: loader (metadata, sections, contents), linear-time extensions and the section renderer."""
