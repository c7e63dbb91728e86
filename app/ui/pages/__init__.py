"""One module per journey; each exposes PAGES: {page name: PageBase subclass}."""
