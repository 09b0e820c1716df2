"""Repair of books converted from print (PDF or scan to Markdown).

`repair_markdown(source)` fixes one section's Markdown source before it is
converted: footnotes stranded at page bottoms, paragraphs cut at page breaks,
half-width punctuation and line breaks in Chinese text. `RULES` lists the rules
in the order they run; each has a `name` and a translatable `description`.
"""

from readmark.core.repair.pipeline import RULES, repair_markdown
from readmark.core.repair.rule import RepairContext, RepairRule

__all__ = ["RULES", "RepairContext", "RepairRule", "repair_markdown"]
