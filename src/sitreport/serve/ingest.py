"""POST /api/ingest: documents in, events stored; mounted only with allow_ingest and a token.

Checks run cheapest first (token, type, size, shape) so a bad request costs nothing and
always gets a 4xx that says what to fix; the pipeline runs off the event loop.
"""

from __future__ import annotations

import hmac
import json
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from sitreport.errors import InputError
from sitreport.options import Options
from sitreport.records import RawDocument
from sitreport.store import Store

MAX_BODY_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS = 100


class IngestDocument(BaseModel):
    name: str = Field(min_length=1, max_length=300, description="A file-like name for error messages")
    text: str = Field(min_length=1, description="The page: plain text or HTML")
    media_type: Literal["text", "html"] = "text"
    meta: dict[str, str] = Field(
        default_factory=dict, description="Known metadata: title, url, published, outlet"
    )


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS)


REQUEST_ADAPTER = TypeAdapter(IngestRequest)


def request_schema() -> dict[str, Any]:
    """IngestRequest's JSON schema with its one nested model inlined (no dangling $ref)."""
    schema = IngestRequest.model_json_schema()
    schema["properties"]["documents"]["items"] = schema.pop("$defs")["IngestDocument"]
    return schema


def check_token(request: Request, token: str) -> None:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            401, "send the server's token as 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"}
        )


def check_content_type(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise HTTPException(415, f"send application/json, not {media_type or 'no content type'}")


async def read_limited_body(request: Request) -> bytes:
    """The body, refusing (413) as soon as it passes the limit, declared or not."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body over {MAX_BODY_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, f"body over {MAX_BODY_BYTES} bytes")
    return bytes(body)


def parse_request(body: bytes) -> IngestRequest:
    try:
        return REQUEST_ADAPTER.validate_python(json.loads(body))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HTTPException(400, f"body is not JSON: {error}") from error
    except ValidationError as error:
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)]
        raise HTTPException(422, problems) from error


def ingest_documents(store: Store, options: Options, documents: list[RawDocument]) -> dict[str, Any]:
    """The same steps as ``sitreport ingest``: extract, store, update incidents."""
    # Imported when asked for: spaCy is heavy and a read-only server never needs it.
    from sitreport.ledger import link_pending, store_results
    from sitreport.pipeline import process_texts

    errors: list[dict[str, str]] = []

    def note_error(error: InputError) -> None:
        errors.append({"name": error.source, "reason": error.reason})

    summary = store_results(store, process_texts(documents, options), note_error)
    linked = link_pending(store, options)
    return {
        "articles_read": summary.articles_read,
        "articles_new": summary.articles_new,
        "events_new": summary.events_new,
        "incidents_updated": linked.incidents_changed,
        "errors": errors,
    }


def api_source(document: IngestDocument) -> str:
    """Where a posted document comes from: its URL, else its name. A changed text posted again
    from the same source replaces the earlier version (store/revisions.py)."""
    return f"api:{document.meta.get('url') or document.name}"


def ingest_router(token: str) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["ingest"])

    @router.post(
        "/ingest",
        summary="Add documents (needs the server's bearer token)",
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": request_schema()}}}
        },
        responses={400: {}, 401: {}, 413: {}, 415: {}, 422: {}},
    )
    async def ingest(request: Request) -> dict[str, Any]:
        check_token(request, token)
        check_content_type(request)
        parsed = parse_request(await read_limited_body(request))
        documents = [
            RawDocument(api_source(d), d.name, d.text, d.media_type, d.meta) for d in parsed.documents
        ]
        summary = await run_in_threadpool(
            ingest_documents, request.app.state.store, request.app.state.options, documents
        )
        if summary["errors"] and not summary["articles_read"]:
            raise HTTPException(422, summary["errors"])
        return summary

    return router
