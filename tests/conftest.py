"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (seeds, gold, scorer): present in CI, absent in a bare clone."""
    reason = f"../shared is not beside the repo ({SHARED}): the acceptance tests need its seeds and gold"
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold").is_dir():
        pytest.skip(reason)
    return SHARED


@pytest.fixture(scope="session")
def realdev_dir() -> Path:
    """../shared/realdev (FA-KES and UCDP development halves): present in CI, absent in a bare clone."""
    realdev = SHARED / "realdev"
    needed = (realdev / "fakes" / "fakes_dev.csv", realdev / "ucdp" / "ucdp_syria_dev.csv")
    if not all(path.is_file() for path in needed):
        pytest.skip(f"{realdev} is absent: the real-data gates need the FA-KES and UCDP development halves")
    return realdev


def run_sitreport(*args: str, stdout_path: Path | None = None) -> None:
    """The installed command as a user runs it; its standard output goes to ``stdout_path``."""
    command = [str(Path(sys.executable).parent / "sitreport"), *args]
    with open(stdout_path or os.devnull, "w", encoding="utf-8") as handle:
        subprocess.run(command, stdout=handle, stderr=subprocess.DEVNULL, check=False)


def run_scorer(scorer: str, *args: str) -> dict[str, float]:
    """The figures of one of ../shared/tools' scorers: its summary line ("name=0.123 ...") and,
    under names with underscores, its detail lines ("civilian toll   0.794 (224/282)")."""
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / scorer), *args], capture_output=True, text=True, check=True
    )
    lines = result.stdout.strip().splitlines()
    details = (re.match(r"([a-z][a-z ]*[a-z])\s{2,}([0-9.]+) \(", line) for line in lines)
    figures = {found[1].replace(" ", "_"): float(found[2]) for found in details if found}
    return figures | {name: float(value) for name, value in re.findall(r"(\w+)=([0-9.]+)", lines[-1])}


@pytest.fixture(scope="session")
def fakes_texts(realdev_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The FA-KES development articles, one .txt each, written by the data set's own writer."""
    out = tmp_path_factory.mktemp("fakes") / "texts"
    subprocess.run([sys.executable, str(realdev_dir / "fakes" / "write_articles.py"), str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def ucdp_texts(realdev_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The UCDP development headlines, one one-line .txt each, written by the scorer's writer."""
    out = tmp_path_factory.mktemp("ucdp") / "texts"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score_ucdp.py"), "write", str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def scorer() -> Callable[..., dict[str, float]]:
    """Runs a shared scorer and returns the figures of its summary line."""
    return run_scorer


@pytest.fixture(scope="session")
def sitreport_cli() -> Callable[..., None]:
    """Runs the installed ``sitreport`` command, writing its output to a file."""
    return run_sitreport


@pytest.fixture(scope="session")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """``sitreport extract`` over every .txt of a folder: the path of its JSON Lines output."""

    def extract_folder(texts: Path) -> Path:
        events = tmp_path_factory.mktemp(f"{texts.parent.name}_events") / "events.jsonl"
        run_sitreport("extract", *sorted(map(str, texts.glob("*.txt"))), stdout_path=events)
        return events

    return extract_folder
