"""One typed options object for a run, passed down instead of loose globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///sitreport.db"


@dataclass(frozen=True)
class Options:
    """Everything a run can be told.

    ``kb_dirs`` are the user's extra knowledge-base folders, read after the packaged one;
    ``text_column`` names the body column of CSV/JSONL corpora; ``link_window_days`` is how
    far apart two dated reports of one incident may be; a stored incident none of whose
    members' days come within ``settle_days`` of a new report's is *settled*
    (sitreport.neighbourhood: new reports may join it, but it is not re-clustered; None:
    nothing settles and every incremental linking equals a full one, at a cost that grows with
    dense ledgers); ``max_input_bytes`` is the largest single file read (a corpus larger than
    that should be split); ``jobs`` is how many worker processes clean and extract
    (``pipeline.process_in_workers``; 1 = all in this process).
    """

    db_url: str = DEFAULT_DB_URL
    kb_dirs: tuple[Path, ...] = ()
    text_column: str = "text"
    batch_size: int = 32
    n_process: int = 1
    jobs: int = 1
    link_window_days: int = 3
    settle_days: int | None = 7
    show_progress: bool = True
    max_input_bytes: int = 100_000_000
