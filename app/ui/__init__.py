"""Everything with Qt widgets: theme, building blocks, the shell and the pages."""
