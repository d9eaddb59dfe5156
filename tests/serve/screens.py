"""Screenshots of the browser tests: to test-output/, and with SITREPORT_UPDATE_SCREENSHOTS=1
also to docs/screenshots/ for the README and docs/web.md."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "test-output"
DOC_SCREENSHOTS = REPO / "docs" / "screenshots"


def screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / name
    page.screenshot(path=str(path), full_page=full_page)
    if os.environ.get("SITREPORT_UPDATE_SCREENSHOTS") == "1":
        DOC_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_SCREENSHOTS / name)
    return path
