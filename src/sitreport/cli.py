"""The ``sitreport`` command line: thin wrappers over the stages, printing their records.

Heavy imports (spaCy, SQLAlchemy, FastAPI) happen inside the commands so ``--help`` is fast.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from typer.exceptions import TyperException

from sitreport.errors import InputError, SitreportError
from sitreport.options import DEFAULT_DB_URL, Options

if TYPE_CHECKING:
    from sitreport.ledger import LinkSummary
    from sitreport.store import Store

app = typer.Typer(
    name="sitreport",
    help="Turn conflict news into a sourced, cross-checked event ledger.\n\n"
    "Typical use: [bold]sitreport ingest examples/[/bold] reads the articles into a SQLite store, "
    "[bold]sitreport events[/bold] lists what happened, [bold]sitreport incidents[/bold] shows reports "
    "of one event across outlets, [bold]sitreport serve[/bold] opens the web UI.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
incidents_app = typer.Typer(help="Incidents: reports of one real event across outlets, with every figure.")
kb_app = typer.Typer(help="Inspect the knowledge base: what names resolve to, and why.", no_args_is_help=True)
app.add_typer(incidents_app, name="incidents")
app.add_typer(kb_app, name="kb")

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")
# Ids printed per integrity fault by `check`; the count says how many there are.
CHECK_IDS_SHOWN = 5

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="SITREPORT_DB",
        help="SQLAlchemy URL of the store, e.g. sqlite:///ledger.db or postgresql+psycopg://user@host/db.",
    ),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--kb",
        help="A folder of your own knowledge-base files, same layout as the packaged kb/ "
        "(repeatable); see docs/knowledge-base.md.",
        file_okay=False,
    ),
]
TextColumnOption = Annotated[
    str, typer.Option("--text-column", help="The column holding the article body in CSV/JSONL corpora.")
]
# parser=Path: typer otherwise builds a pydantic validator per path, ~1.4 s CPU for 8,000 files.
InputsArgument = Annotated[
    list[Path],
    typer.Argument(help="Files or folders: .txt, .html, .csv, .jsonl.", show_default=False, parser=Path),
]
FirstId = Annotated[str, typer.Argument(help="An event id or incident id.")]
SecondId = Annotated[str, typer.Argument(help="Another event id or incident id.")]


def _options(db: str = DEFAULT_DB_URL, kb: list[Path] | None = None, text_column: str = "text") -> Options:
    return Options(
        db_url=db, kb_dirs=tuple(kb or ()), text_column=text_column, show_progress=stderr.is_terminal
    )


class ErrorReport:
    """Prints each bad input in one line on stderr and remembers that the run must exit 2."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        stderr.print(f"[red]error[/red]: {error}", highlight=False, markup=True)

    def exit_code(self) -> int:
        return 2 if self.count else 0


def _count_files(paths: Iterable[Path]) -> int:
    """Files under the paths, for the progress bar; a path that cannot be looked at counts as one."""
    return sum(_files_under(path) for path in paths)


def _files_under(path: Path) -> int:
    try:
        return sum(1 for p in path.rglob("*") if p.is_file()) if path.is_dir() else 1
    except OSError:
        return 1  # reading it will report why


def _with_progress(items: Iterable[T], total: int | None, options: Options, label: str) -> Iterator[T]:
    """Yield ``items`` while a progress bar on stderr counts them (only on a terminal)."""
    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, disable=not options.show_progress, transient=True) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


def _fail(error: SitreportError) -> typer.Exit:
    stderr.print(f"[red]error[/red]: {error}", highlight=False)
    return typer.Exit(code=2)


def _cluster_workers(cluster: str | None) -> int | None:
    """N of ``local:N`` (2 for ``local``); None for a scheduler address or no cluster."""
    if cluster is None or not cluster.startswith("local"):
        return None
    count = cluster.partition(":")[2] or "2"
    if not count.isdigit() or int(count) < 1:
        raise _fail(
            SitreportError(f"--cluster {cluster!r}: use local:N with N a number of workers, or an address")
        )
    return int(count)


def _open_store(db: str, create: bool = False) -> Store:
    """The store at ``db``; only ``ingest`` creates one, other commands say when there is none."""
    from sitreport.store import Store

    try:
        return Store(db, create=create)
    except SitreportError as error:
        raise _fail(error) from error


def _iso_day(option: str, value: str | None) -> str | None:
    """A YYYY-MM-DD option value, checked; a one-line error naming the option if not a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise _fail(SitreportError(f"{option} must be a date as YYYY-MM-DD, not {value!r}")) from error


def _page_size(limit: int, total: int) -> int:
    """Rows to show: ``--limit`` itself, or every row for 0."""
    if limit < 0:
        raise _fail(SitreportError(f"--limit must be 0 (all) or more, not {limit}"))
    return max(total, 1) if limit == 0 else limit


def _say_if_cut(shown: int, total: int, what: str) -> None:
    """A listing cut by --limit says so on stderr, so a pipe never mistakes a page for the whole."""
    if shown < total:
        stderr.print(f"showing {shown:,} of {total:,} {what}; --limit 0 for all", highlight=False)


def _quiet_on_closed_pipe(command: Callable[..., None]) -> Callable[..., None]:
    """End quietly (status 0) when the reader of stdout goes away, as in ``| head``."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            try:
                command(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except BrokenPipeError:
            # Point stdout at /dev/null so the interpreter's final flush does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None

    return run


@app.command()
@_quiet_on_closed_pipe
def clean(
    files: InputsArgument,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per article (the contract shape).")
    ] = False,
    text_column: TextColumnOption = "text",
    kb: KbOption = None,
) -> None:
    """Print each article's clean body text and metadata (title, published, agency, dateline).

    Example: [bold]sitreport clean page.html scraped.txt --json[/bold]
    """
    from sitreport.ingest import read_inputs
    from sitreport.pipeline import clean_documents

    options = _options(kb=kb, text_column=text_column)
    errors = ErrorReport()
    cleaned = clean_documents(read_inputs(files, options), options)
    items = _with_progress(cleaned, _count_files(files), options, "cleaning")
    for item in items:
        if isinstance(item, InputError):
            errors(item)
        elif as_json:
            print(json.dumps(item.to_clean_dict(), ensure_ascii=False))
        else:
            _print_article(item)
    raise typer.Exit(errors.exit_code())


def _print_article(article: Any) -> None:
    stdout.rule(f"[bold]{article.file}[/bold]")
    for label in ("title", "published", "agency", "dateline", "outlet"):
        value = getattr(article, label)
        if value:
            stdout.print(f"[dim]{label}:[/dim] {value}", highlight=False)
    stdout.print()
    stdout.print(article.text, highlight=False, markup=False)


@app.command()
@_quiet_on_closed_pipe
def extract(
    files: InputsArgument,
    kb: KbOption = None,
    text_column: TextColumnOption = "text",
    jobs: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes that clean and extract; by default one per CPU this "
                     "process may use. Output order is the input order whatever the number.",
                     show_default=False),
    ] = None,
) -> None:
    """Print the events read from each article, one JSON object per line (the contract shape).

    Nothing is stored. Each article's events are written as soon as read: a run cut short keeps them.

    Example: [bold]sitreport extract report.txt | jq .event_type[/bold]
    """
    from sitreport.pipeline import process_paths

    options = replace(_options(kb=kb, text_column=text_column), jobs=jobs or _usable_cpus())
    errors = ErrorReport()
    for item in _with_progress(process_paths(files, options), _count_files(files), options, "extracting"):
        if isinstance(item, InputError):
            errors(item)
            continue
        # One write per article, then out: a run killed later still has every article it printed, whole.
        lines = [json.dumps(event.to_dict(), ensure_ascii=False) + "\n" for event in item.events]
        sys.stdout.write("".join(lines))
        sys.stdout.flush()
    raise typer.Exit(errors.exit_code())


def _usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@app.command()
def ingest(
    paths: InputsArgument,
    db: DbOption = DEFAULT_DB_URL,
    kb: KbOption = None,
    text_column: TextColumnOption = "text",
    link: Annotated[bool, typer.Option(help="Update incidents after storing the articles.")] = True,
    cluster: Annotated[
        str | None,
        typer.Option(help="Run extraction on Dask: a scheduler address (tcp://host:8786), or local:N for "
                     "N local worker processes."),
    ] = None,
) -> None:
    """Read articles, extract their events and store both; then link events into incidents.

    The same article twice is stored once; articles are written a batch per transaction.
    Example: [bold]sitreport ingest examples/ --db sqlite:///ledger.db[/bold]
    """
    from sitreport.ledger import link_pending, store_results

    options = _options(db=db, kb=kb, text_column=text_column)
    errors = ErrorReport()
    _cluster_workers(cluster)  # a bad --cluster fails before anything is read or stored
    store = _open_store(db, create=True)
    results = _with_progress(_process(paths, options, cluster), _count_files(paths), options, "ingesting")
    summary = store_results(store, results, errors)
    stderr.print(f"{summary.articles_read} articles read, {summary.articles_new} new, "
                 f"{summary.events_new} new events stored in {db}")
    if link:
        _report_linking(link_pending(store, options), summary.events_new)
    store.close()
    raise typer.Exit(errors.exit_code())


def _report_linking(linked: LinkSummary, events_new: int) -> None:
    if linked.events_linked > events_new:
        earlier = linked.events_linked - events_new
        stderr.print(f"{earlier} events stored earlier but in no incident are now linked")
    stderr.print(f"{linked.incidents_changed} incidents created or updated")


def _process(paths: list[Path], options: Options, cluster: str | None) -> Iterator[Any]:
    """Results of the per-article flow, here or on a Dask cluster (whose driver, this process,
    never imports the pipeline: spaCy alone costs it a second of CPU and 40 MB)."""
    if cluster is None:
        from sitreport.pipeline import process_paths

        yield from process_paths(paths, options)
        return
    from dask.distributed import Client

    from sitreport.batch import local_client, process_paths_on_cluster

    workers = _cluster_workers(cluster)
    with local_client(workers) if workers is not None else Client(cluster) as client:
        yield from process_paths_on_cluster(paths, options, client)


@app.command()
@_quiet_on_closed_pipe
def events(
    db: DbOption = DEFAULT_DB_URL,
    event_type: Annotated[str | None, typer.Option("--type", help="Only this event type.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events at this place or governorate.")] = None,
    source: Annotated[str | None, typer.Option(help="Only events this source reported.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows at most; 0 for all.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List the stored events as a table: date, type, place, figures and sources.

    Example: [bold]sitreport events --type evacuation --from 2018-08-01[/bold]
    """
    from sitreport.store import EventQuery

    first, last = _iso_day("--from", date_from), _iso_day("--to", date_to)
    store = _open_store(db)
    query = EventQuery(event_type=event_type, place=place, source=source, date_from=first, date_to=last)
    total = store.count_events(query)
    rows = store.query_events(replace(query, limit=_page_size(limit, total)))
    store.close()
    _say_if_cut(len(rows), total, "events")
    if as_json:
        for event in rows:
            print(json.dumps(event.to_dict(), ensure_ascii=False))
        return
    stdout.print(_events_table(rows, f"{len(rows)} of {total} events in {db}"))


def _place_label(place: Any) -> str:
    if place is None:
        return ""
    return f"{place.name} ({place.admin1})" if place.admin1 and place.admin1 != place.name else place.name


def _figures_label(quantities: Iterable[Any]) -> str:
    marks = {"exact": "", "approx": "~", "min": ">", "max": "<"}
    return ", ".join(f"{marks.get(q.qualifier, '')}{q.value} {q.kind or q.category}" for q in quantities)


def _events_table(rows: Iterable[Any], title: str) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("date", "type", "place", "figures", "sources", "conf."):
        table.add_column(column, overflow="fold")
    for event in rows:
        place = event.location or event.origin or event.destination
        table.add_row(
            event.date or "—",
            event.event_type,
            _place_label(place),
            _figures_label(event.quantities),
            ", ".join(event.sources),
            f"{event.confidence:.2f}",
        )
    return table


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, geojson, acled or plover.")] = "jsonl",
    db: DbOption = DEFAULT_DB_URL,
    incidents: Annotated[
        bool, typer.Option("--incidents", help="Export incidents (those with a matching event) instead.")
    ] = False,
    event_type: Annotated[str | None, typer.Option("--type", help="Only this event type.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events at this place or governorate.")] = None,
    source: Annotated[str | None, typer.Option(help="Only events this source reported.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    kb: KbOption = None,
) -> None:
    """Write the stored events (or incidents) in an analyst's format, filtered as on the web.

    Example: [bold]sitreport export --format acled --type remote_violence --from 2018-01 -o ledger.csv[/bold]
    """
    from sitreport.export import FORMATS
    from sitreport.export.stored import write_stored
    from sitreport.store import EventQuery

    if fmt not in FORMATS:
        raise _fail(SitreportError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}"))
    query = EventQuery(
        event_type=event_type, place=place, source=source, date_from=date_from, date_to=date_to
    )
    store = _open_store(db)
    target = output.open("w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)
    try:
        with target as stream:
            count = write_stored(store, fmt, stream, query, incidents=incidents, kb_dirs=tuple(kb or ()))
    except ValueError as error:  # a --from/--to that is no date
        raise _fail(SitreportError(str(error))) from error
    finally:
        store.close()
    where = f" to {output}" if output else ""
    stderr.print(f"{count} {'incidents' if incidents else 'events'} written{where}")


@incidents_app.callback(invoke_without_command=True)
@_quiet_on_closed_pipe
def incidents_list(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB_URL,
    event_type: Annotated[str | None, typer.Option("--type", help="Only this event type.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows at most; 0 for all.")] = 50,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines (the contract shape) instead of a table.")
    ] = False,
) -> None:
    """List incidents: one row per real-world event, with how many outlets reported it.

    Example: [bold]sitreport incidents --json[/bold]; merge or split with the subcommands.
    """
    if ctx.invoked_subcommand is not None:
        return
    store = _open_store(db)
    total = store.count_incidents(event_type=event_type)
    rows = store.list_incidents(event_type=event_type, limit=_page_size(limit, total))
    store.close()
    _say_if_cut(len(rows), total, "incidents")
    if as_json:
        for incident in rows:
            print(json.dumps(incident.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} of {total} incidents in {db}")
    for column in ("incident", "date", "type", "place", "reports", "sources", "disputed"):
        table.add_column(column, overflow="fold")
    for incident in rows:
        table.add_row(
            incident.incident_id,
            incident.date or "—",
            incident.event_type,
            _place_label(incident.location),
            str(len(incident.events)),
            ", ".join(incident.sources),
            "yes" if incident.disputed else "",
        )
    stdout.print(table)


def _decide(action: str, first: str, second: str, db: str) -> None:
    from sitreport.ledger import record_decision

    store = _open_store(db)
    try:
        changed = record_decision(store, action, first, second, _options(db=db))
    except SitreportError as error:
        raise _fail(error) from error
    finally:
        store.close()
    stderr.print(f"recorded: {action} {first} {second}; {changed} incidents updated")


@app.command()
def link(db: DbOption = DEFAULT_DB_URL, kb: KbOption = None) -> None:
    """Relink every stored event into incidents from scratch (analyst decisions still apply).

    [bold]ingest[/bold] already updates incidents as articles arrive; use this after changing
    the knowledge base. Example: [bold]sitreport link --db sqlite:///ledger.db[/bold]
    """
    from sitreport.ledger import relink_all

    store = _open_store(db)
    count = relink_all(store, _options(db=db, kb=kb))
    store.close()
    stderr.print(f"{count} incidents")


@app.command()
def check(db: DbOption = DEFAULT_DB_URL) -> None:
    """Check the store's integrity: every event in an incident, no empty or dangling incidents.

    Prints each fault with a few ids and exits 1 when there is any. Events in no incident are
    linked by the next [bold]ingest[/bold] or by [bold]link[/bold].
    Example: [bold]sitreport check --db sqlite:///ledger.db[/bold]
    """
    store = _open_store(db)
    try:
        faults = {rule: ids for rule, ids in store.integrity_faults().items() if ids}
    except SitreportError as error:
        raise _fail(error) from error
    finally:
        store.close()
    for rule, ids in faults.items():
        shown = ", ".join(ids[:CHECK_IDS_SHOWN]) + (", …" if len(ids) > CHECK_IDS_SHOWN else "")
        stderr.print(f"[red]fault[/red]: {len(ids)} {rule}: {shown}", highlight=False)
    if faults:
        stderr.print("run `sitreport link` to relink every event", highlight=False)
        raise typer.Exit(1)
    stderr.print(f"{db}: no integrity faults")


@incidents_app.command("merge")
def incidents_merge(
    first: FirstId,
    second: SecondId,
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """Record that two events (or incidents) are one incident; later runs respect it.

    Example: [bold]sitreport incidents merge 3f2a… 9c1e…[/bold]
    """
    _decide("merge", first, second, db)


@incidents_app.command("split")
def incidents_split(
    first: FirstId,
    second: SecondId,
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """Record that two events (or incidents) are different incidents; later runs respect it.

    Example: [bold]sitreport incidents split 3f2a… 9c1e…[/bold]
    """
    _decide("split", first, second, db)


@app.command()
@_quiet_on_closed_pipe
def incident(
    incident_id: Annotated[str, typer.Argument(help="The incident id (see `sitreport incidents`).")],
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """Show one incident: its reports, every source's figures side by side, and the evidence.

    Example: [bold]sitreport incident 5d41402abc4b2a76[/bold]
    """
    store = _open_store(db)
    found = store.get_incident(incident_id)
    if found is None:
        store.close()
        raise _fail(
            SitreportError(f"no incident {incident_id!r} in {db}; list them with `sitreport incidents`")
        )
    members = [event for event in map(store.get_event, found.events) if event is not None]
    store.close()
    place = _place_label(found.location) or "unknown place"
    stdout.rule(f"[bold]{found.event_type}[/bold] at {place} on {found.date or 'unknown date'}")
    stdout.print(
        f"sources: {', '.join(found.sources) or '—'}    disputed: {'yes' if found.disputed else 'no'}"
    )
    stdout.print(_claims_table(found))
    if found.links:
        stdout.print(_links_table(found, members))
    for event in members:
        for evidence in event.evidence:
            stdout.print(f"[dim]{event.outlet or event.source_file}:[/dim] {evidence.text}", highlight=False)


def _links_table(found: Any, members: list[Any]) -> Table:
    """Why each report is in the incident: the report it was joined to, how sure, and why."""
    names = {event.event_id: event.outlet or event.source_file or event.event_id for event in members}
    table = Table(title="why linked (weak links: check them; `sitreport incidents split` undoes one)")
    for column in ("report", "joined to", "sure", "why"):
        table.add_column(column, overflow="fold")
    for link in found.links:
        sure = f"{link.score:.2f}" + (" [bold red]weak[/bold red]" if link.weak else "")
        why = "\n".join(f"{aspect}: {reason}" for aspect, reason in link.reasons.items())
        joined, anchor = (names.get(event_id, event_id) for event_id in (link.event_id, link.linked_to))
        table.add_row(joined, anchor, sure, why)
    return table


def _claims_table(found: Any) -> Table:
    table = Table(title="claims")
    for column in ("category", "kind", "value", "qualifier", "source", "words"):
        table.add_column(column, overflow="fold")
    for claim in found.claims:
        table.add_row(
            claim.category,
            claim.kind or "",
            str(claim.value),
            claim.qualifier,
            claim.source or "—",
            claim.text,
        )
    for key, estimate in found.estimates.items():
        high = "open" if estimate.high is None else str(estimate.high)
        table.add_row(
            key, "[bold]estimate[/bold]", str(estimate.best), f"low {estimate.low} / high {high}", "", ""
        )
    return table


@app.command()
@_quiet_on_closed_pipe
def framing(
    db: DbOption = DEFAULT_DB_URL,
    incident_id: Annotated[
        str | None, typer.Option("--incident", help="Compare outlets' words for one incident.")
    ] = None,
    kb: KbOption = None,
) -> None:
    """Show the words each outlet uses for each side (from the framing lexicon), with counts.

    A description of wording, never a verdict. Example: [bold]sitreport framing[/bold]
    """
    from sitreport.ledger import framing_rows

    store = _open_store(db)
    try:
        report = framing_rows(store, _options(db=db, kb=kb), incident_id)
    except SitreportError as error:
        raise _fail(error) from error
    finally:
        store.close()
    table = Table(title="framing by outlet" + (f" for incident {incident_id}" if incident_id else ""))
    for column in ("outlet", "side", "term", "register", "count", "example"):
        table.add_column(column, overflow="fold")
    for row in report:
        table.add_row(
            row["outlet"], row["side"], row["term"], row["register"], str(row["count"]), row["example"]
        )
    stdout.print(table)


KB_PLACE_COLUMNS = ("mention", "name", "resolved", "precision", "admin1", "admin2", "country", "lat", "lon",
                    "score", "reason", "arabic")


@kb_app.command("places")
@_quiet_on_closed_pipe
def kb_places(
    text: Annotated[str, typer.Argument(help="Any text; every place mention in it is resolved.")],
    kb: KbOption = None,
) -> None:
    """Show what each place mention in TEXT resolves to, with score and reason.

    Example: [bold]sitreport kb places "Shelling hit Deraa and al-Khuwayn"[/bold]
    """
    from sitreport.kb import load_kb
    from sitreport.resolve import explain_places

    rows = explain_places(text, load_kb(tuple(kb or ())))
    table = Table(title=f"{len(rows)} place mentions")
    for column in KB_PLACE_COLUMNS:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            *(
                str(row.get(key) if row.get(key) is not None else "—")
                for key in KB_PLACE_COLUMNS
            )
        )
    stdout.print(table)


# Listening on every address names no host a browser would send: those must be --allowed-host.
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def _read_token(path: Path) -> str:
    try:
        token = path.read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(SitreportError(f"--token-file {path}: cannot be read ({error})")) from error
    if not token or not token[0].strip():
        raise _fail(SitreportError(f"--token-file {path}: the file is empty"))
    return token[0].strip()


@app.command()
def serve(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB_URL,
    host: Annotated[
        str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option(help="Enable POST /api/ingest (needs a token).")] = False,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="SITREPORT_TOKEN",
            help="Bearer token for POST /api/ingest; prefer the SITREPORT_TOKEN variable or --token-file, "
            "as other users of the machine see command-line arguments.",
        ),
    ] = None,
    token_file: Annotated[
        Path | None, typer.Option(help="A file holding the bearer token (its first line).", dir_okay=False)
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(help="Another host name the server answers to (repeatable); loopback names always."),
    ] = None,
) -> None:
    """Serve the web UI and the HTTP API over the store (read-only unless --allow-ingest).

    Requests naming another host (DNS rebinding) are refused; add names with --allowed-host.
    Example: [bold]sitreport serve --db sqlite:///ledger.db --port 8000[/bold]
    """
    import uvicorn

    from sitreport.serve import create_app

    source = ctx.get_parameter_source("token")
    # By name: typer carries its own copy of click, whose enum is not click.core's.
    if source is not None and source.name == "COMMANDLINE":
        stderr.print("warning: --token is visible to other users in `ps`; use SITREPORT_TOKEN, --token-file")
    secret = _read_token(token_file) if token_file else token
    if allow_ingest and not secret:
        needed = "--allow-ingest needs a token (SITREPORT_TOKEN, --token-file or --token): only you may write"
        raise _fail(SitreportError(needed))
    hosts = [*(allowed_host or ()), *([] if host in WILDCARD_ADDRESSES else [host])]
    try:
        web_app = create_app(db, allow_ingest=allow_ingest, token=secret, allowed_hosts=hosts)
    except SitreportError as error:
        raise _fail(error) from error
    stderr.print(f"sitreport serving {db} at http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def main() -> None:
    """The console entry point: a usage error is one line naming the command, what is wrong
    with the input and where to look, instead of a framed panel; exit codes are click's."""
    try:
        code = app(standalone_mode=False, prog_name="sitreport")
    except TyperException as error:  # usage and parameter errors, raised by typer's own click
        context = getattr(error, "ctx", None)
        command = context.command_path if context is not None else "sitreport"
        message = " ".join(error.format_message().split())
        print(f"error: {command}: {message} (see `{command} --help`)", file=sys.stderr)
        sys.exit(getattr(error, "exit_code", 2))
    except typer.Abort:
        print("error: aborted", file=sys.stderr)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
