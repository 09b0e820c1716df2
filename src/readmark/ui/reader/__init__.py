"""The reader: the reading view, its annotation layer, the section provider, the canonical text map, the contents panel, fonts and themes."""
