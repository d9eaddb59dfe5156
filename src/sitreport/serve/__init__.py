"""The web UI and HTTP API: ``create_app(db_url)`` gives a FastAPI application."""

from sitreport.serve.app import create_app

REQUIRES = ("Store",)
# Serving reads the store and shows it; it adds no records.
ASSIGNS: tuple[str, ...] = ()

__all__ = ["ASSIGNS", "REQUIRES", "create_app"]
