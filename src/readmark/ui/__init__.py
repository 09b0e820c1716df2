"""The Qt user interface. It talks to readmark.core through small named
interfaces (open_book, Book, Library, Settings) and never parses files or
writes SQL itself."""
