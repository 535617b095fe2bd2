"""Validation of what the check is handed: the note text and the range of the date of service.

Every failure raises an `InputError` subclass whose message says what is wrong and how to fix
it, without echoing note text.
"""

from __future__ import annotations

import codecs
import re

from assistant.errors import EmptyNoteError, NoteTooLargeError, NotTextError

# format characters a note may carry but nobody sees: byte-order mark, zero-width space/joiners, word joiner, marks
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\u00ad\u061c" + "".join(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# every blank Python knows plus those: a note made only of them strips to nothing, in one pass from each end (a copy of
# the whole note with the invisibles taken out cost every non-ASCII note's check a pass for nothing)
_BLANK = _INVISIBLE + "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())


def validate_note(text: str | bytes, *, max_bytes: int) -> str:
    """Return the note as text, or raise a clear error for empty, binary or oversized input."""
    return read_note(text, max_bytes=max_bytes)[0]


def read_note(text: str | bytes, *, max_bytes: int) -> tuple[str, str | None]:
    """The note as text and, for bytes that were not UTF-8 or UTF-16, the character set they were read in."""
    encoding = None
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise NoteTooLargeError(
                f"The note is {len(text):,} bytes; the limit is {max_bytes:,}.",
                hint="Check one note at a time, or split the document.",
            )
        text, encoding = _decode(text)
    if not isinstance(text, str):
        raise NotTextError(f"Expected note text, got {type(text).__name__}.", hint="Pass the note as a string.")
    refuse_oversized(text, max_bytes=max_bytes)
    # A lone surrogate (half of a UTF-16 pair, e.g. a JSON "\ud800" escape) is not a character: refused with
    # its position, as an undecodable byte is, never replaced, so a note long or short is treated alike.
    lone = _SURROGATE.search(text) if not text.isascii() else None  # (no surrogate is ASCII: skip the scan)
    if lone is not None:
        raise NotTextError(
            f"The note contains a lone surrogate (U+{ord(lone.group()):04X}) at character {lone.start():,}: half of a "
            "UTF-16 pair, not a character, so the note cannot be read as text.",
            hint="Send the note as valid Unicode text: re-export or re-paste it, or remove that character.",
        )
    if not text.strip(_BLANK):
        # blanks, byte-order marks and zero-width characters only: nothing a reader sees (hostile13 #11)
        raise EmptyNoteError("The note is empty.", hint="Paste the caregiver-training note text.")
    if "\x00" in text:
        raise NotTextError(f"The input looks like binary data, not a text note (a NUL character at character "
                           f"{text.index(chr(0)):,}).", hint="Paste the note as plain text, or remove that character.")
    if _control_ratio(text) > 0.05:
        raise NotTextError("The input looks like binary data, not a text note.", hint="Paste the note as plain text.")
    refuse_document_file(text)
    return text, encoding


def refuse_document_file(text: str) -> None:
    """A PDF or RTF file handed over as a note (qa10 #19): its markup would be read as a note missing everything,
    so it is refused by the signature its format starts with, naming the format and how to get the text out."""
    head = text[:64].lstrip("\ufeff \t\r\n")
    for signature, name in _DOCUMENT_SIGNATURES:
        if head.startswith(signature):
            raise NotTextError(
                f"The input is {name} file, not the text of a note.",
                hint="Open the file and copy the note's text, or export the note as plain text (.txt).",
            )


def refuse_oversized(text: str, *, max_bytes: int) -> None:
    """The size limit, in bytes of UTF-8; the HTTP service applies it before a note waits for a worker."""
    if 4 * len(text) <= max_bytes:  # a character is at most 4 bytes: no need to count
        return
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise NoteTooLargeError(
            f"The note is {size:,} bytes; the limit is {max_bytes:,}.",
            hint="Check one note at a time, or split the document.",
        )


def _decode(raw: bytes) -> tuple[str, str | None]:
    """UTF-8, or UTF-16 when the file says so with a byte-order mark (Windows editors save notes that way), or
    Windows-1252 (Word's "plain text" on Windows) when the bytes are not UTF-8 and every one is a Windows-1252
    character; the second value names that fallback so the report can say so. A byte-order mark is kept as the
    text's first character (U+FEFF): evidence offsets count the characters of the file the user sent, and the
    extractor reads the mark as a space (hostile12 #16)."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        return _decode_wide(raw, "utf-32-le" if raw.startswith(codecs.BOM_UTF32_LE) else "utf-32-be", "UTF-32")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_wide(raw, "utf-16-le" if raw.startswith(codecs.BOM_UTF16_LE) else "utf-16-be", "UTF-16")
    nul = raw.find(b"\x00")
    if nul >= 0:
        wide = _wide_without_mark(raw)
        if wide:  # hostile17 #21: "binary" misnamed a Windows "Unicode" save without its byte-order mark
            raise NotTextError(f"The input looks like {wide} text without a byte-order mark.",
                               hint="Save the note as UTF-8 (or as UTF-16 with a byte-order mark) and try again.")
        raise NotTextError(f"The input is binary, not a text note (a NUL byte at offset {nul:,}).",
                           hint="Paste the note as plain text (UTF-8), or remove that byte.")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        return raw.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        raise NotTextError(
            f"The input is not UTF-8 text (undecodable byte at offset {first_bad}), nor Windows-1252.",
            hint="Save or paste the note as UTF-8 plain text.",
        ) from None


def _decode_wide(raw: bytes, codec: str, name: str) -> tuple[str, str | None]:
    try:  # the explicit byte order keeps the mark as the first character (offsets count it)
        return raw.decode(codec), None
    except UnicodeDecodeError as exc:
        raise NotTextError(f"The input is not {name} text (undecodable byte at offset {exc.start}).",
                           hint="Save or paste the note as UTF-8 plain text.") from exc


def _wide_without_mark(raw: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when the first bytes have the NUL pattern of ASCII letters in that encoding."""
    head = raw[:256]
    if len(head) >= 8 and len(head) % 4 == 0 and all(
            head[i : i + 4].count(0) == 3 for i in range(0, len(head), 4)):
        return "UTF-32"
    pairs = [head[i : i + 2] for i in range(0, len(head) - 1, 2)]
    if len(pairs) >= 4 and sum(p.count(0) == 1 for p in pairs) >= 0.9 * len(pairs):
        return "UTF-16"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")
# the first bytes of document formats that are not plain text (binary formats with NUL bytes are refused earlier)
_DOCUMENT_SIGNATURES = (("%PDF-", "a PDF"), ("{\\rtf", "an RTF (rich text)"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
# every byte but those `_CONTROL` matches in ASCII text: deleting them leaves the control characters to count
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F))


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    if sample.isascii():  # one byte translation, not a pattern tried at every character (~40 µs per 2 KB)
        controls = len(sample.encode("ascii").translate(None, _NOT_CONTROL_BYTES))
    else:
        controls = len(_CONTROL.findall(sample))
    return controls / max(len(sample), 1)
