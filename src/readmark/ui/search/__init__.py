"""Search in the book (Ctrl+F): the panel with its field, options and results
list, the results model, and the controller that runs the core's search in the
background and shows the hits on the page."""
