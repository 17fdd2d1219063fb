"""Finding one's way: breadcrumbs on every page (breadcrumbs.py) and the help page's
frequently asked questions (help.py)."""
