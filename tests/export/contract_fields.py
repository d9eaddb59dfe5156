"""The output contract's field lists (../shared/contract/README.md) as type checks."""

from __future__ import annotations

from typing import Any

from sitreport.records import EVENT_TYPES, QUANTITY_CATEGORIES

QUALIFIERS = ("exact", "approx", "min", "max")
ROLES = ("actor", "target", "mediator", "affected")


def optional_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_place(value: Any) -> bool:
    return value is None or (isinstance(value, dict) and isinstance(value.get("name"), str))


def list_of(check: Any) -> Any:
    return lambda value: isinstance(value, list) and all(check(item) for item in value)


def has(fields: dict[str, Any]) -> Any:
    return lambda value: isinstance(value, dict) and not contract_errors(value, fields)


QUANTITY = {
    "category": lambda v: v in QUANTITY_CATEGORIES,
    "kind": optional_str,
    "value": is_int,
    "qualifier": lambda v: v in QUALIFIERS,
    "source": optional_str,
    "text": lambda v: isinstance(v, str),
}
EVENT_FIELDS = {
    "event_id": lambda v: isinstance(v, str),
    "article_id": lambda v: isinstance(v, str),
    "source_file": optional_str,
    "event_type": lambda v: v in EVENT_TYPES,
    "date": optional_str,
    "date_precision": lambda v: v in (None, "day", "week", "month", "year"),
    "date_text": optional_str,
    "location": is_place,
    "origin": is_place,
    "destination": is_place,
    "actors": list_of(has({"name": lambda v: isinstance(v, str), "role": lambda v: v in ROLES})),
    "quantities": list_of(has(QUANTITY)),
    "sources": list_of(lambda v: isinstance(v, str)),
    "evidence": list_of(has({"start": is_int, "end": is_int, "text": lambda v: isinstance(v, str)})),
    "confidence": lambda v: isinstance(v, int | float) and 0 <= v <= 1,
}
CLAIM = {**QUANTITY, "article_id": lambda v: isinstance(v, str), "event_id": lambda v: isinstance(v, str)}
ESTIMATE = {"low": is_int, "best": is_int, "high": lambda v: v is None or is_int(v)}
INCIDENT_FIELDS = {
    "incident_id": lambda v: isinstance(v, str),
    "event_type": lambda v: v in EVENT_TYPES,
    "date": optional_str,
    "location": is_place,
    "events": list_of(lambda v: isinstance(v, str)),
    "articles": list_of(lambda v: isinstance(v, str)),
    "sources": list_of(lambda v: isinstance(v, str)),
    "claims": list_of(has(CLAIM)),
    "estimates": lambda v: isinstance(v, dict) and all(has(ESTIMATE)(e) for e in v.values()),
    "disputed": lambda v: isinstance(v, bool),
}


def contract_errors(row: dict[str, Any], fields: dict[str, Any]) -> list[str]:
    """Fields that are missing or of the wrong type."""
    return [name for name, check in fields.items() if name not in row or not check(row[name])]
