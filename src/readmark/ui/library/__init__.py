"""The library room: every book the reader added or opened, as covers or a list."""
