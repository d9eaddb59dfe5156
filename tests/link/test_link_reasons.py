"""Each link keeps why it was made and how sure it is, through the store to `sitreport incident`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer.testing
from fastapi.testclient import TestClient

from sitreport.cli import app
from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Article, Event, Incident, Quantity
from sitreport.serve import create_app
from sitreport.store import Store

from .link_corpus import CORPUS, corpus_events, corpus_published

OPTIONS = Options()


def incident_with(incidents: list[Incident], event_id: str) -> Incident:
    return next(incident for incident in incidents if event_id in incident.events)


def test_a_strong_link_names_each_aspect_it_agrees_on() -> None:
    convoy = incident_with(link_events(corpus_events(), OPTIONS, published=corpus_published()), "a01-e1")
    by_event = {link.event_id: link for link in convoy.links}
    stated = by_event.get("a02-e1") or by_event["a03-e1"]
    assert stated.reasons["place"] == "same place: Nawa / Nawa"
    assert stated.reasons["days"].startswith("same stated day: 2019-03-10")
    assert not stated.weak and stated.score >= 0.7


def test_an_undated_report_links_on_its_article_day_and_says_so() -> None:
    convoy = incident_with(link_events(corpus_events(), OPTIONS, published=corpus_published()), "a04-e1")
    link = next(link for link in convoy.links if "a04-e1" in (link.event_id, link.linked_to))
    assert link.reasons["days"].startswith("article day")
    assert link.reasons["figures"] == "same figure: people"
    assert link.score < next(other.score for other in convoy.links if other is not link)


def test_a_governorate_toll_with_nothing_in_common_is_a_weak_link() -> None:
    # Only the governorate, a day later, another type, and no figure or actor in common: possible,
    # the one fit, but little more; the link is kept and flagged for an analyst.
    toll = next(e for e in corpus_events() if e.event_id == "a08-e1")
    toll = replace(toll, event_id="t1-e1", article_id="t1", event_type="casualties", quantities=[])
    clash = next(e for e in corpus_events() if e.event_id == "a07-e1")
    (incident,) = link_events([clash, toll], OPTIONS)
    (link,) = incident.links
    assert link.reasons["place"] == "inside: Idlib / Jisr al-Shughur"
    assert link.reasons["figures"] == "none"
    assert link.weak


def test_an_analyst_merge_is_its_own_reason() -> None:
    merged = link_events(corpus_events(), OPTIONS, [("merge", "a01-e1", "a10-e1")], corpus_published())
    link = next(
        link for link in incident_with(merged, "a10-e1").links if "a10-e1" in (link.event_id, link.linked_to)
    )
    assert link.reasons == {"decision": "analyst merge"}
    assert link.score == 1.0


def store_corpus(url: str) -> list[Incident]:
    events = corpus_events()
    published = corpus_published()
    with Store(url) as store:
        for article_id in sorted({event.article_id for event in events}):
            text = (CORPUS / "articles" / f"{article_id}.txt").read_text(encoding="utf-8")
            article = Article(
                article_id=article_id,
                source=f"{article_id}.txt",
                file=f"{article_id}.txt",
                raw_text=text,
                text=text,
                published=published[article_id],
            )
            store.save_article(article, [event for event in events if event.article_id == article_id])
        incidents = link_events(store.iter_events(), OPTIONS, store.decisions(), store.publication_dates())
        store.replace_incidents(incidents)
        return incidents


def test_reasons_survive_the_store_and_the_incident_command_shows_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reasons.db'}"
    convoy = incident_with(store_corpus(url), "a01-e1")
    with Store(url) as store:
        stored = store.get_incident(convoy.incident_id)
    assert stored is not None and stored.links == convoy.links
    shown = typer.testing.CliRunner().invoke(
        app, ["incident", convoy.incident_id, "--db", url], env={"COLUMNS": "200"}
    )
    assert shown.exit_code == 0, shown.output
    assert "why linked" in shown.output
    assert "same place: Nawa / Nawa" in shown.output
    assert "article day" in shown.output


def test_figures_of_two_named_groups_are_not_compared_but_an_unnamed_one_is() -> None:
    clash = next(e for e in corpus_events() if e.event_id == "a07-e1")

    def told(event_id: str, kind: str | None) -> Event:
        figure = Quantity("killed", 20, "exact", kind=kind)
        return replace(clash, event_id=event_id, article_id=event_id, quantities=[figure])

    soldiers = told("soldiers", "soldiers")
    for other, verdict in ((told("civilians", "civilians"), "none"), (told("anyone", None), "same figure: ")):
        (incident,) = link_events([soldiers, other], OPTIONS)
        assert incident.links[0].reasons["figures"].startswith(verdict)


def test_the_incident_card_shows_why_each_report_was_linked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'card.db'}"
    clash = incident_with(store_corpus(url), "a08-e1")
    # the server answers loopback names only (DNS rebinding), so the client calls it as a browser here would
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
        page = client.get(f"/incidents/{clash.incident_id}")
    assert page.status_code == 200
    assert "Why these reports are one incident" in page.text
    assert "inside: Idlib / Jisr al-Shughur" in page.text
    assert page.text.count('href="/events/') >= 2 * len(clash.links)
