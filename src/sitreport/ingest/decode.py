"""Bytes to text: size limit, binary detection and encoding detection."""

from __future__ import annotations

import codecs
from collections import Counter
from pathlib import Path

from charset_normalizer import from_bytes

from sitreport.errors import InputError

# Detectors cannot tell the single-byte Latin code pages apart on short news text (a French
# latin-1 line comes back as cp775); like WHATWG, which decodes "latin-1" pages as
# windows-1252, we read any Latin-script guess as windows-1252.
# A control character other than tab/newline/CR/form feed is almost never in a text file.
TEXT_CONTROLS = {9, 10, 12, 13}
# Every byte but those controls: deleting them leaves the controls, counted at C speed.
NOT_CONTROLS = bytes(byte for byte in range(256) if byte >= 32 or byte in TEXT_CONTROLS)


def unreadable(path: Path, error: OSError) -> InputError:
    """The one-line report of a path the system would not let us look at or read."""
    return InputError(str(path), f"cannot be read ({error.strerror or error})")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError saying why it can't be read."""
    try:
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if not path.is_file():
            raise InputError(str(path), "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                str(path), f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)"
            )
        data = path.read_bytes()
    except OSError as error:  # stat or read refused: permissions, a name too long, an I/O error
        raise unreadable(path, error) from error
    if not data.strip():
        raise InputError(str(path), "empty file")
    return data


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a mark, a wide encoding shows in its high bytes: text in one script uses a few
# Unicode blocks, so the high byte of each UTF-16 unit takes a handful of values, zero among
# them (spaces, digits, line breaks), and UTF-32's top bytes are zero below U+10000; the
# lowest byte of a unit is zero only for a NUL character. Per encoding: unit size, offsets
# of the high bytes in a unit, and the offset of the lowest byte.
WIDE_ENCODINGS: tuple[tuple[str, int, tuple[int, ...], int], ...] = (
    ("utf-32-le", 4, (2, 3), 0),
    ("utf-32-be", 4, (0, 1), 3),
    ("utf-16-le", 2, (1,), 0),
    ("utf-16-be", 2, (0,), 1),
)
# A high byte's HIGH_BYTE_VALUES commonest values must cover HIGH_BYTE_COVER of the units and
# zero at least WIDE_ZERO_SHARE; zeros may be at most LOW_BYTE_ZERO_SHARE of the lowest
# bytes. Binary formats, with their spread of byte values and scattered zeros, fail these.
HIGH_BYTE_VALUES = 3
HIGH_BYTE_COVER = 0.95
WIDE_ZERO_SHARE = 0.05
LOW_BYTE_ZERO_SHARE = 0.02


def decode_bytes(data: bytes, source: str) -> str:
    """Text from bytes: a byte-order mark's encoding, then UTF-16/32 by their zero bytes,
    then UTF-8, else the detected encoding."""
    wide = _marked_encoding(data) or _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide[0])[wide[1] :].replace("\x00", "")
        except UnicodeDecodeError as error:
            reason = f"not valid {wide[0].upper()} ({error.reason} at byte {error.start})"
            raise InputError(source, reason) from error
    if _looks_binary(data):
        raise InputError(source, "binary file, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_detected(data, source)
    # A stray NUL past the binary sniff would be refused by PostgreSQL text columns.
    return text.replace("\x00", "")


def _marked_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names, and 1 (the mark's character, to drop); UTF-8's
    is left to the UTF-8 path."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return None if encoding == "utf-8" else (encoding, 1)
    return None


def _wide_encoding(data: bytes) -> tuple[str, int] | None:
    """UTF-16 or UTF-32 without a mark, told by where its zero bytes fall; None otherwise."""
    sample = data[:8192]
    if 0 not in sample:  # every wide encoding needs zero high bytes (``_few_values_with_zero``)
        return None
    for encoding, unit, high_bytes, low_byte in WIDE_ENCODINGS:
        usable = len(sample) - len(sample) % unit
        if usable < unit or len(data) % unit:
            continue
        columns = [sample[offset:usable:unit] for offset in range(unit)]
        low_zeros = columns[low_byte].count(0) / len(columns[low_byte])
        if low_zeros <= LOW_BYTE_ZERO_SHARE and all(_few_values_with_zero(columns[o]) for o in high_bytes):
            return encoding, 0
    return None


def _few_values_with_zero(column: bytes) -> bool:
    counts = Counter(column)
    common = sum(count for _, count in counts.most_common(HIGH_BYTE_VALUES))
    return common >= HIGH_BYTE_COVER * len(column) and counts[0] >= WIDE_ZERO_SHARE * len(column)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, NOT_CONTROLS))
    return controls > len(sample) * 0.05


def _decode_detected(data: bytes, source: str) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "not UTF-8 and no text encoding fits; convert it to UTF-8")
    if all("Latin" in alphabet or alphabet == "General Punctuation" for alphabet in best.alphabets):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return str(best)
