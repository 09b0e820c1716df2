"""The store: the library database (books, positions, annotations), its schema and migrations, backups, recovery, and the settings file."""
