"""The web UI and HTTP API: ``create_app(db_url)`` gives a FastAPI application."""

from sitreport.serve.app import create_app

__all__ = ["create_app"]
