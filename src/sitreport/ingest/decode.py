"""Bytes to text: size limit, binary detection and encoding detection."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from sitreport.errors import InputError

# Detectors cannot tell the single-byte Latin code pages apart on short news text (a French
# latin-1 line comes back as cp775); like WHATWG, which decodes "latin-1" pages as
# windows-1252, we read any Latin-script guess as windows-1252.
# A control character other than tab/newline/CR/form feed is almost never in a text file.
TEXT_CONTROLS = {9, 10, 12, 13}


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError saying why it can't be read."""
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if not path.is_file():
        raise InputError(str(path), "not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(str(path), f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})") from error
    if not data.strip():
        raise InputError(str(path), "empty file")
    return data


def decode_bytes(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM) first, else the detected encoding."""
    if _looks_binary(data):
        raise InputError(source, "binary file, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_detected(data, source)
    # A stray NUL past the binary sniff would be refused by PostgreSQL text columns.
    return text.replace("\x00", "")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROLS)
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
