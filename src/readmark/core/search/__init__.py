"""Finding text: the folding rules every search shares (`folding`), queries
(`query`), the text of a book as the reader shows it (`book_text`) and the
search inside one book (`in_book`)."""
