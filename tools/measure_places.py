#!/usr/bin/env python3
"""Measure place resolution alone on ../shared/realdev, dev part and held-out part.

    python tools/measure_places.py [--shared DIR] [--events FAKES_EVENTS.jsonl --texts DIR] [-v]

1. UCDP headlines, read by ``find_places`` only (no cleaning or event extraction, so the
   figures do not wait for headline-only articles to be accepted): for the headlines the UCDP
   scorer counts (one event, a precise place the headline names), the share with a resolved
   mention within 25 km of UCDP's point, and with every resolved mention over 100 km away.
2. With ``--events`` (``sitreport extract`` output over the FA-KES texts in ``--texts``):
   over every event, the share placed in a country the article never names (by a country
   name or demonym of the knowledge base), and the share placed at a country point although
   the evidence sentence names a smaller known place.
3. With ``--acled`` (``sitreport export --format acled`` of a store holding those articles): the
   share of Syrian rows at town precision (geo_precision 1) whose admin2 (district) is filled.

The split is tools/realdev.py's ``part_of``; rules are tuned on the dev part only.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from realdev import PARTS, part_of

from sitreport.kb import KnowledgeBase, load_kb
from sitreport.kb.gazetteer import COUNTRY_KIND, distance_km
from sitreport.resolve import find_places

ROOT = Path(__file__).resolve().parent.parent
NEAR_KM, FAR_KM = 25, 100
COUNTRY_PRECISION = 4


def scorer(shared: Path) -> ModuleType:
    """The shared UCDP scorer, for its own test of whether a headline names the coded place."""
    spec = importlib.util.spec_from_file_location("score_ucdp", shared / "tools" / "score_ucdp.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def measure_ucdp(shared: Path, kb: KnowledgeBase, verbose: bool) -> None:
    score_ucdp = scorer(shared)
    with open(shared / "realdev" / "ucdp" / "ucdp_syria_dev.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    uses = Counter(row["source_headline"] for row in rows)
    counts = {part: Counter() for part in PARTS}
    for row in rows:
        headline = row["source_headline"]
        if not (row["where_prec"] in {"1", "2"} and row["latitude"] and uses[headline] == 1):
            continue
        if not score_ucdp.names_place(headline, row["where_coordinates"]):
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        placed = [m.place for m in find_places(headline, kb) if m.place.resolved and m.place.lat is not None]
        distances = [distance_km(lat, lon, p.lat, p.lon) for p in placed]  # type: ignore[arg-type]
        part = counts[part_of(row["id"])]
        part["n"] += 1
        part["near"] += bool(distances) and min(distances) <= NEAR_KM
        part["far"] += bool(distances) and min(distances) > FAR_KM
        part["none"] += not distances
        if verbose and part_of(row["id"]) == "dev" and (not distances or min(distances) > NEAR_KM):
            got = ", ".join(f"{p.name} ({p.admin1}, {p.country})" for p in placed) or "no place"
            coded = f"{row['where_coordinates']} ({row['adm_1']})"
            print(f"  ucdp_{row['id']}: {coded} vs {got}: {headline[:90]}")
    for part in PARTS:
        c = counts[part]
        print(f"[{part}] ucdp headlines by find_places: within {NEAR_KM} km {c['near'] / c['n']:.3f}, "
              f"over {FAR_KM} km {c['far'] / c['n']:.3f}, no place {c['none'] / c['n']:.3f} (n={c['n']})")


def country_words(kb: KnowledgeBase) -> dict[str, re.Pattern[str]]:
    """Per country: a pattern of its names and demonyms as whole words."""
    words: dict[str, set[str]] = {}
    for entry in kb.places.entries:
        if entry.kind == COUNTRY_KIND:
            words.setdefault(entry.country, set()).update(entry.names)
    for word, country in kb.demonyms.items():
        words.setdefault(country, set()).add(word)
    return {
        country: re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(names)) + r")\b", re.IGNORECASE)
        for country, names in words.items()
    }


def measure_events(events_path: Path, texts: Path, kb: KnowledgeBase, verbose: bool) -> None:
    patterns = country_words(kb)
    counts = {part: Counter() for part in PARTS}
    article_text: dict[str, str] = {}
    with open(events_path, encoding="utf-8") as handle:
        events = [json.loads(line) for line in handle if line.strip()]
    for event in events:
        name = event.get("source_file") or ""
        if name not in article_text:
            article_text[name] = (texts / name).read_text(encoding="utf-8")
        part = counts[part_of(Path(name).stem.removeprefix("fakes_"))]
        part["events"] += 1
        place = event.get("location") or {}
        country = place.get("country")
        pattern = patterns.get(country or "")
        abroad = country not in kb.rules.home_countries
        if abroad and pattern and not pattern.search(article_text[name]):
            part["abroad"] += 1
            if verbose:
                print(f"  {name}: {place.get('name')} ({country}) never named")
        if place.get("precision") == COUNTRY_PRECISION:
            sentence = " ".join(e["text"] for e in event.get("evidence") or [])
            smaller = [
                m.text for m in find_places(sentence, kb) if m.place.resolved and (m.place.precision or 1) < 3
            ]
            part["centroid"] += bool(smaller)
            if verbose and smaller:
                print(f"  {name}: at {place.get('name')} though the sentence names {smaller}")
    for part in PARTS:
        c = counts[part]
        n = c["events"] or 1
        print(f"[{part}] fakes events: in a country never named {c['abroad'] / n:.3f} ({c['abroad']}), "
              f"at a country point though the sentence names a place {c['centroid'] / n:.3f} "
              f"({c['centroid']}) of {c['events']}")


def measure_acled(path: Path, verbose: bool) -> None:
    """Issue 11's export check: admin2 filled on the Syrian rows placed at a town."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["country"] == "Syria" and r["geo_precision"] == "1"]
    filled = [r for r in rows if r["admin2"].strip()]
    if verbose:
        for name, count in Counter(r["location"] for r in rows if not r["admin2"].strip()).most_common(20):
            print(f"  no admin2: {name} ({count})")
    share = len(filled) / len(rows) if rows else 0.0
    print(f"acled export: admin2 filled on {share:.3f} ({len(filled)}/{len(rows)}) of Syrian town-level rows")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--events", type=Path, help="sitreport extract output over the FA-KES texts")
    parser.add_argument("--texts", type=Path, help="the folder of FA-KES texts the events came from")
    parser.add_argument("--acled", type=Path, help="sitreport export --format acled output")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not args.shared.exists():
        sys.exit(f"{args.shared} is absent: the real development data lives there")
    kb = load_kb()
    measure_ucdp(args.shared, kb, args.verbose)
    if args.events and args.texts:
        measure_events(args.events, args.texts, kb, args.verbose)
    if args.acled:
        measure_acled(args.acled, args.verbose)


if __name__ == "__main__":
    main()
