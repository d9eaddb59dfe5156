"""Sample articles generated for the fault-injection tests (written for the project, not copied).

Each is a short wire-style report of an evacuation or a shelling in one of a few Syrian towns on
one of a few days; every four consecutive reports tell one incident, each as another outlet,
so linking has work to do.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TOWNS = ("Tafas", "Ariha", "Sarmada", "Talbiseh", "Douma", "Jisr al-Shughur")
DAYS = ("Monday", "Tuesday", "Wednesday")
OUTLETS = ("Sample Wire", "Sample Monitor", "Sample Daily", "Sample Radio")
SITREPORT = Path(sys.executable).with_name("sitreport")


def report_text(number: int) -> str:
    group = number // len(OUTLETS)
    town, day = TOWNS[group % len(TOWNS)], DAYS[group // (2 * len(TOWNS)) % len(DAYS)]
    outlet = OUTLETS[number % len(OUTLETS)]
    if group // len(TOWNS) % 2 == 0:
        headline = f"Sample report {number}: buses leave {town}"
        body = (
            f"About {200 + number} people left the town of {town} aboard {10 + number % 5} buses on {day}, "
            f"{outlet} said in sample report number {number}."
        )
    else:
        headline = f"Sample report {number}: shelling hits {town}"
        body = (
            f"Shelling killed {3 + number % 7} civilians in {town} on {day}, "
            f"{outlet} said in sample {number}."
        )
    return f"{headline}\n\nSeptember 14, 2021\n\n{body}\n"


def write_reports(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"report_{number:03d}.txt").write_text(report_text(number), encoding="utf-8")
    return folder


def sitreport(*args: str, **popen: object) -> subprocess.Popen[str]:
    """The installed command, started (not waited for)."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.Popen([str(SITREPORT), *args], text=True, env=env, **popen)  # type: ignore[call-overload]


def write_over_long(path: Path, characters: int) -> Path:
    """A sample text longer than ``characters``, of distinct lines (cleaning drops repeated ones)."""
    lines, length, number = ["Sample dump of many reports", ""], 0, 0
    while length <= characters:
        line = f"Sample line {number}: a convoy of {number % 40} trucks was reported near a checkpoint."
        lines.append(line)
        length += len(line) + 1
        number += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
