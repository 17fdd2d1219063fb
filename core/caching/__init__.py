"""Caches of rendered pages (pages.py)."""
