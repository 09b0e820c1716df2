"""Single HTML pages: loader, scanner and section renderer."""
