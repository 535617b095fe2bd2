"""What the check is handed: text, bytes in the encodings editors save, and what is refused."""

from __future__ import annotations

import codecs

import pytest

from assistant.errors import EmptyNoteError, NoteTooLargeError, NotTextError
from assistant.notes.inputs import validate_note

NOTE = "Caregiver training with the wife, Señora Ruiz; patient not present. 32 min."
LIMIT = 1_000_000


@pytest.mark.parametrize(
    "raw",
    [
        NOTE,
        NOTE.encode("utf-8"),
        codecs.BOM_UTF8 + NOTE.encode("utf-8"),
        NOTE.encode("utf-16"),  # with its byte-order mark, as Windows editors save it
        codecs.BOM_UTF16_BE + NOTE.encode("utf-16-be"),
        NOTE.encode("utf-32"),  # hostile17 #21: with its mark, read like UTF-16
        codecs.BOM_UTF32_BE + NOTE.encode("utf-32-be"),
    ],
    ids=["str", "utf-8", "utf-8 bom", "utf-16 bom", "utf-16-be bom", "utf-32 bom", "utf-32-be bom"],
)
def test_text_in_common_encodings(raw: str | bytes) -> None:
    # a byte-order mark stays the text's first character, so offsets count the file's characters
    assert validate_note(raw, max_bytes=LIMIT).removeprefix("\ufeff") == NOTE


@pytest.mark.parametrize(
    "raw", [codecs.BOM_UTF8 + NOTE.encode("utf-8"), NOTE.encode("utf-16")], ids=["utf-8", "utf-16"]
)
def test_evidence_offsets_count_the_byte_order_mark(raw: bytes) -> None:
    """hostile12 #16: offsets are into the text the user sent, its byte-order mark included."""
    from assistant import check_note

    text = "\ufeff" + NOTE
    report = check_note(raw, dos="2025-03-04")
    spans = [e for c in report.checks for e in c.evidence]
    assert spans
    assert all(text[e.start:e.end] == e.quote for e in spans)


@pytest.mark.parametrize(
    ("raw", "error", "says"),
    [
        (b"", EmptyNoteError, "empty"),
        ("  \n\t ", EmptyNoteError, "empty"),
        ("\ufeff", EmptyNoteError, "empty"),  # hostile13 #11: a byte-order mark alone is nothing to read
        (" \u3000\u2028\u200b", EmptyNoteError, "empty"),  # blanks and a zero-width space
        ("\u200d\u2060\u00ad\n", EmptyNoteError, "empty"),
        # UTF-16/32 without a mark is not guessed at, but named (hostile17 #21: it was called "binary")
        (NOTE.encode("utf-16-le"), NotTextError, "looks like UTF-16 text without a byte-order mark"),
        (NOTE.encode("utf-16-be"), NotTextError, "looks like UTF-16 text without a byte-order mark"),
        (NOTE.encode("utf-32-le"), NotTextError, "looks like UTF-32 text without a byte-order mark"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", NotTextError, "binary"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", NotTextError, "a PDF file, not the text"),  # qa10 #19
        ("\ufeff  %PDF-1.7\nstream", NotTextError, "a PDF file"),
        (r"{\rtf1\ansi\deff0 {\fonttbl} Caregiver training", NotTextError, "an RTF"),
        (b"Caregiver\x00 training", NotTextError, "NUL byte at offset 9"),  # QA8: where it is
        ("Caregiver \x00 training", NotTextError, "NUL character at character 10"),
        (b"caf\xe9 \x81note", NotTextError, "offset 3.*nor Windows-1252"),  # 0x81: no Windows-1252 character
        (codecs.BOM_UTF16_LE + b"\x00\xd8", NotTextError, "not UTF-16"),  # a lone surrogate in UTF-16
        (b"x" * (LIMIT + 1), NoteTooLargeError, "limit"),
        (12, NotTextError, "int"),
    ],
)
def test_refused(raw: object, error: type[Exception], says: str) -> None:
    with pytest.raises(error, match=says):
        validate_note(raw, max_bytes=LIMIT)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["\ud800", "\udfff\udfff", NOTE + "\ud800" + NOTE, NOTE * 50 + "\udc00"])
def test_a_lone_surrogate_is_refused_alike_in_a_short_or_a_long_note(text: str) -> None:
    """qa6 L7: a short note was "binary data", a long one silently got U+FFFD; both now say what is wrong,
    where, and how to fix it, and nothing is replaced."""
    with pytest.raises(NotTextError, match="lone surrogate") as raised:
        validate_note(text, max_bytes=LIMIT)
    where = text.index(next(ch for ch in text if "\ud800" <= ch <= "\udfff"))
    assert f"at character {where:,}" in raised.value.message and "binary" not in raised.value.message
    assert raised.value.hint and "Unicode" in raised.value.hint


# 1 control character in 20 is the limit: ASCII text is counted by byte translation, other text by the pattern;
# both count the same characters (tab, line breaks and form feed are text; U+FFFD is a decoding failure)
@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("a" * 95 + "\x01" * 5, False),
        ("a" * 94 + "\x01" * 6, True),
        ("a" * 94 + "\x1f\x0e\x08\x02\x05\x10", True),
        ("a" * 94 + "\t\n\r\x0b\x0c\n", False),
        ("é" * 95 + "\x01" * 5, False),
        ("é" * 94 + "\x01" * 5 + "\ufffd", True),
        ("é" * 94 + "\t\n\r\x0b\x0c\n", False),
    ],
    ids=["ascii at limit", "ascii over", "ascii range ends", "ascii whitespace", "accented at limit",
         "accented with U+FFFD over", "accented whitespace"],
)
def test_control_characters_over_one_in_twenty_are_binary(text: str, refused: bool) -> None:
    if refused:
        with pytest.raises(NotTextError, match="binary"):
            validate_note(text, max_bytes=LIMIT)
    else:
        assert validate_note(text, max_bytes=LIMIT) == text


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (b"caf\xe9 note", "café note", "windows-1252"),  # Word's plain text on Windows
        ("María \u2013 note".encode("cp1252"), "María – note", "windows-1252"),
        ("María \u2013 note".encode(), "María – note", None),  # UTF-8 first: never read as Windows-1252
    ],
)
def test_a_windows_1252_note_is_read_and_named(raw: bytes, text: str, encoding: str | None) -> None:
    from assistant.notes.inputs import read_note

    assert read_note(raw, max_bytes=LIMIT) == (text, encoding)
