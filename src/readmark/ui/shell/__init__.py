"""The shell: the application object, the main window that builds and wires the rooms, the actions (menus and shortcuts), the start page, and the background-task helper."""
