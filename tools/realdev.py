#!/usr/bin/env python3
"""Measure sitreport on the real development data in ../shared/realdev, dev part and held-out part.

    python tools/realdev.py [--work DIR] [--only fakes|ucdp] [--incidents] [-v]

A fixed fifth of each data set (rows whose id hashes to 0 mod 5) is our own held-out check:
rules are tuned looking at the dev part only, and the held-out figures are reported beside
the dev figures to show whether a change generalises. The scorers in ../shared/tools are run
unchanged on each part (``--labels`` / ``--data`` point them at the part's rows).

Writes the inputs once into ``--work`` (default ``.realdev/``, git-ignored), runs the installed
``sitreport extract`` over them, and prints each scorer's summary line per part. With
``--incidents`` the FA-KES articles are also ingested into a store and linking is scored.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FAKES = SHARED / "realdev" / "fakes" / "fakes_dev.csv"
UCDP = SHARED / "realdev" / "ucdp" / "ucdp_syria_dev.csv"
TOOLS = SHARED / "tools"
PARTS = ("dev", "heldout")


def part_of(identifier: str) -> str:
    """The fixed split: a fifth of the rows, chosen by a hash of their id, is held out."""
    digest = hashlib.sha1(identifier.encode()).digest()
    return "heldout" if digest[0] % 5 == 0 else "dev"


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_parts(path: Path, id_column: str, out: Path) -> dict[str, Path]:
    """One CSV per part, with the rows of that part only."""
    fields, rows = read_rows(path)
    files = {}
    for part in PARTS:
        target = out / f"{path.stem}.{part}.csv"
        with open(target, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(row for row in rows if part_of(row[id_column]) == part)
        files[part] = target
    return files


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, text=True, check=False, **kwargs)  # type: ignore[call-overload]


def sitreport() -> str:
    return str(Path(sys.executable).parent / "sitreport")


def report(scorer: str, *args: str, verbose: bool) -> None:
    """Run one of ../shared/tools' scorers and print its summary (or everything with -v)."""
    flags = ["-v"] if verbose else []
    result = run([sys.executable, str(TOOLS / scorer), *args, *flags], capture_output=True)
    lines = result.stdout.strip().splitlines() or [result.stderr.strip()]
    print(result.stdout if verbose else lines[-1])


def extract(texts: Path, out: Path) -> None:
    files = sorted(str(p) for p in texts.glob("*.txt"))
    with open(out, "w", encoding="utf-8") as handle:
        run([sitreport(), "extract", *files], stdout=handle, stderr=subprocess.DEVNULL)


def score_fakes(work: Path, verbose: bool, incidents: bool) -> None:
    texts = work / "fakes_texts"
    if not texts.exists():
        run([sys.executable, str(SHARED / "realdev" / "fakes" / "write_articles.py"), str(texts)])
    labels = write_parts(FAKES, "unit_id", work)
    events = work / "fakes_events.jsonl"
    extract(texts, events)
    for part in PARTS:
        print(f"[{part}] ", end="")
        report("score_fakes.py", str(events), "--labels", str(labels[part]), verbose=verbose)
    if incidents:
        link_fakes(work, texts, labels, verbose)


def link_fakes(work: Path, texts: Path, labels: dict[str, Path], verbose: bool) -> None:
    db = work / "fakes_link.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    run([sitreport(), "ingest", str(texts), "--db", url], capture_output=True)
    stored, incidents = work / "fakes_stored.jsonl", work / "fakes_incidents.jsonl"
    for command, target in (("events", stored), ("incidents", incidents)):
        with open(target, "w", encoding="utf-8") as handle:
            run([sitreport(), command, "--json", "--limit", "1000000", "--db", url], stdout=handle)
    for part in PARTS:
        print(f"[{part}] ", end="")
        report("score_fakes.py", str(stored), "--incidents", str(incidents), "--labels", str(labels[part]),
               verbose=verbose)


def score_ucdp(work: Path, verbose: bool) -> None:
    texts = work / "ucdp_texts"
    if not texts.exists():
        run([sys.executable, str(TOOLS / "score_ucdp.py"), "write", str(texts)], capture_output=True)
    data = write_parts(UCDP, "id", work)
    events = work / "ucdp_events.jsonl"
    extract(texts, events)
    for part in PARTS:
        print(f"[{part}] ", end="")
        report("score_ucdp.py", "score", str(events), "--data", str(data[part]), verbose=verbose)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=ROOT / ".realdev")
    parser.add_argument("--only", choices=("fakes", "ucdp"))
    parser.add_argument("--incidents", action="store_true", help="also ingest FA-KES and score linking")
    parser.add_argument("-v", "--verbose", action="store_true", help="the scorers' lists of disagreements")
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} is absent: the real development data lives there")
    args.work.mkdir(parents=True, exist_ok=True)
    if args.only in (None, "fakes"):
        score_fakes(args.work, args.verbose, args.incidents)
    if args.only in (None, "ucdp"):
        score_ucdp(args.work, args.verbose)


if __name__ == "__main__":
    main()
