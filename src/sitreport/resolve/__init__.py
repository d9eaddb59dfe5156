"""The resolve stage: names in text to the knowledge base's places, actors and sources."""

from sitreport.resolve.named import ActorMention, SourceMention, find_actors, find_sources
from sitreport.resolve.places import PlaceMention, explain_places, find_places, resolve_place

REQUIRES = ("Article.text", "KnowledgeBase")
ASSIGNS = ("PlaceMention", "ActorMention", "SourceMention")

__all__ = [
    "ActorMention",
    "PlaceMention",
    "SourceMention",
    "explain_places",
    "find_actors",
    "find_places",
    "find_sources",
    "resolve_place",
]
