"""Span bookkeeping for the de-identifier: the text as analysed, the allow-list, overlaps, whole words.

Pure functions over ``(start, end, label, score)`` spans; `engine.Deidentifier` runs them in order:
`unescaped_view` → `markup_view` → `plain_view` → detections → `resolve` (allow-list, overlaps merged) → `whole_words`.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata

Span = tuple[int, int, str, float]  # start, end, placeholder label, score

# Tie-break for equal spans and scores: the more specific entity first (deterministic).
_PRIORITY = {e: i for i, e in enumerate(
    ["SSN", "MBI", "MRN", "NPI", "EMAIL", "ZIP", "ADDRESS", "DATE", "PHONE", "PERSON", "AGE", "CARD", "ACCOUNT",
     "IP", "URL", "ID"])}  # fmt: skip


_ESCAPE = re.compile(r'\\([nrt"/,;])')
# iCalendar and vCard escape the commas and semicolons of a value ("LOCATION:4 Elm Rd\\, Dundas\\, MN"): the comma
# then stands right after its word, as an address writes it
_UNESCAPED = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "/": "/", ",": ",", ";": ";"}


def unescaped_view(text: str) -> str:
    """The text with JSON escapes (a brief's ``\\n``, ``\\"``) read as what they stand for, padded to keep
    every offset: line-bound shapes (X12 and HL7 segments, signatures) are found inside a JSON prompt."""
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(m: re.Match[str]) -> str:
    char = _UNESCAPED[m.group(1)]
    return char + " " if char in ",;" else " " + char


# Look-alikes read as their ASCII twin, one character for one: non-breaking and figure hyphens, the minus
# sign, no-break and thin spaces, fullwidth digits and letters ("１２/０３", "Ｋｅｖｉｎ").
_TWINS = {
    **{code: "-" for code in (0x2010, 0x2011, 0x2012, 0x2212, 0xFE63, 0xFF0D)},
    **{code: " " for code in (0x00A0, 0x2007, 0x202F, 0x3000, *range(0x2000, 0x200B))},
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if code != 0xFF0D},
}
_ODD = re.compile("[" + "".join(map(chr, _TWINS)) + "\u00ad\u200b-\u200d\u2060\ufeff]")
# Characters with no width: inside a name or a number they only break it ("Ké\u200dvin", "55\u200b5").
_ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


# Cyrillic, Greek and Roman-numeral letters drawn like Latin ones. Read as Latin only inside a word that also has
# Latin letters or digits ("Кеlly", "ΜR-44Ο19"): a word wholly in Cyrillic or Greek is that script's own.
_LOOKALIKES = dict(zip(map(ord, "АВЕКМНОРСТХУаеорсухіјѕЅІЈԁһԛԝ"), "ABEKMHOPCTXYaeopcyxijsSIJdhqw", strict=True)) | dict(
    zip(map(ord, "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧονικαρ"), "ABEZHIKMNOPTYXovikap", strict=True)
) | dict(zip(map(ord, "ⅠⅤⅩⅬⅭⅮⅯⅰⅴⅹⅼⅽⅾⅿ"), "IVXLCDMivxlcdm", strict=True))
_LOOKALIKE = re.compile("[" + "".join(map(chr, _LOOKALIKES)) + "]")
_LATIN = re.compile(r"[A-Za-z0-9À-ɏ]")


# Letters that are Latin ones in another dress, one character for one: small capitals ("ʟᴀᴜʀᴀ"), and whatever
# Unicode's compatibility form reads as one ASCII letter or digit (circled "Ⓜ", mathematical bold "𝐌", "ª").
_SMALL_CAPS = dict(zip(map(ord, "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ"), "ABCDEFGHIJKLMNOPRSTUVWYZ", strict=True))


def _ascii_digit(ch: str) -> str:
    value = unicodedata.decimal(ch, None)
    return "" if value is None else str(value)


def _compatible(view: str) -> str:
    table: dict[int, str] = {}
    for ch in set(view):
        if ord(ch) < 0x80 or ord(ch) in _LOOKALIKES:
            continue
        # a digit of another script ("١٩٤٨/٠٧/٢٢", Devanagari, Persian) reads as its ASCII digit: NFKC keeps them
        plain = _SMALL_CAPS.get(ord(ch)) or _ascii_digit(ch) or unicodedata.normalize("NFKC", ch)
        if len(plain) == 1 and plain.isascii() and plain.isalnum():
            table[ord(ch)] = plain
    return view.translate(table) if table else view


def _latin_twins(word: re.Match[str]) -> str:
    w = word.group()
    return w.translate(_LOOKALIKES) if _LOOKALIKE.search(w) and _LATIN.search(w) else w


def plain_view(text: str) -> tuple[str, list[int] | None]:
    """The text with look-alike characters read as ASCII and zero-width characters left out, plus,
    when some were left out, the index in ``text`` of every character of the view."""
    view = text.translate(_TWINS) if not text.isascii() and _ODD.search(text) else text
    if not view.isascii():
        view = _compatible(view)
    if not view.isascii() and _LOOKALIKE.search(view):
        # zero-width characters inside a word first count as part of it: "К\u200bеlly" is one word
        view = re.sub(r"[\w\u00ad\u200b-\u200d\u2060\ufeff]+", _latin_twins, view)
    if not _ZERO_WIDTH.search(view):
        return view, None
    index = [i for i, ch in enumerate(view) if not _ZERO_WIDTH.match(ch)]
    return _ZERO_WIDTH.sub("", view), index


# A character reference: "&nbsp;", "&#8209;", "&#x27;", "&aacute;" (bounded: linear on any input).
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _markup_bits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what it reads as) for every HTML comment and every character reference outside a blank one.
    A blank comment reads as nothing ("ON-55<!-- -->1207"); a comment with words is read as its own lines, since
    it is sent as it is ("<!-- exported by jdoe @ 198.51.100.7 -->"). Comments are found with ``str.find``: an
    unclosed "<!--" ends the search, so many of them stay linear."""
    bits: list[tuple[int, int, str]] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0 and (close := text.find("-->", start + 4)) >= 0:
        if text[start + 4 : close].strip():
            bits += [(start, start + 4, "\n"), (close, close + 3, "\n")]
        else:
            bits.append((start, close + 3, ""))
        pos = close + 3
    if "&" in text:
        starts = [b[0] for b in bits]
        for m in _ENTITY.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            read = html.unescape(m.group())
            if read != m.group() and not (i >= 0 and m.start() < bits[i][1]):
                bits.append((m.start(), m.end(), read))
    return sorted(bits)


def markup_view(text: str) -> tuple[str, list[int] | None]:
    """The text of an HTML body as a reader sees it: character references decoded ("+1&nbsp;212&nbsp;555",
    "1942&#8209;06&#8209;30") and comments left out, plus the index in ``text`` of every character of the view
    (a decoded reference stands at its "&")."""
    bits = _markup_bits(text) if ("&" in text or "<!--" in text) else []
    if not bits:
        return text, None
    pieces: list[str] = []
    index: list[int] = []
    pos = 0
    for start, end, read in bits:
        pieces += [text[pos:start], read]
        index += [*range(pos, start), *[start] * len(read)]
        pos = end
    pieces.append(text[pos:])
    index += range(pos, len(text))
    return "".join(pieces), index


def chain(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """The index of a view of a view: ``inner`` into the middle text, ``outer`` from it into the text."""
    if outer is None or inner is None:
        return outer if inner is None else inner
    return [outer[i] for i in inner]


def to_text(index: list[int] | None, spans: list[Span]) -> list[Span]:
    """Spans of a view `plain_view` shortened, as spans of the text (a zero-width character inside stays in)."""
    if index is None:
        return spans
    return [(index[start], index[end - 1] + 1, label, score) for start, end, label, score in spans]


_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?=T\d{2}:\d{2})")


def dates_without_times(text: str, spans: list[Span]) -> list[Span]:
    """A date-time keeps its time of day ("2025-10-14T09:30:00-06:00" -> "<DATE_1>T09:30:00-06:00"):
    a clock time is no identifier, and session times must reach the model."""
    out = []
    for start, end, label, score in spans:
        m = _ISO_DATE_TIME.match(text, start, end)
        out.append((start, m.end(), label, score) if label == "DATE" and m else (start, end, label, score))
    return out


def outside(zones: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """The spans not wholly inside one of ``zones`` (sorted, as `vocab.payer_zones` gives them)."""
    if not zones:
        return spans
    starts = [zs for zs, _ in zones]
    out = []
    for span in spans:
        i = bisect.bisect_right(starts, span[0]) - 1
        if not (i >= 0 and span[1] <= zones[i][1]):
            out.append(span)
    return out


# A saint's name heads a place or a surname as one unit: "St. Joseph Mercy", "Saint Luke", "St. Pierre".
_SAINT = re.compile(r"\b(?:St|Ste|Sts|Saint|Sainte)\.?[ \t]+[A-Z][\w'’\-]{1,20}+(?:[ \t]+[A-Z][\w'’\-]{1,20}+){0,3}+")


def saint_names(text: str, spans: list[Span]) -> list[Span]:
    """A detection inside a saint's name covers all of it: never "St" alone nor the words after "St." alone."""
    out = list(spans)
    starts = sorted(spans)
    i = 0
    for m in _SAINT.finditer(text):
        while i < len(starts) and starts[i][1] <= m.start():
            i += 1
        touching = [sp for sp in starts[i : i + 4] if sp[0] < m.end()]
        if touching:
            label = next((sp[2] for sp in touching if sp[0] > m.start()), "LOCATION")
            out.append((m.start(), max(m.end(), *(sp[1] for sp in touching)), label, max(sp[3] for sp in touching)))
    return sorted(out)


def whole_words(text: str, spans: list[Span]) -> list[Span]:
    """Never cut a word: widen spans to whole words, then merge the ones that now overlap."""
    from assistant.phi.known import whole_word

    out: list[Span] = []
    for start, end, label, score in spans:
        if out and out[-1][0] <= start and end <= out[-1][1]:
            continue  # inside a span already widened: widening again would rescan a long hyphen chain
        start, end = whole_word(text, start, end)
        if out and start < out[-1][1]:
            prev = out[-1]
            out[-1] = (prev[0], max(prev[1], end), prev[2], max(prev[3], score))
        else:
            out.append((start, end, label, score))
    return out


def resolve(protected: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """Drop detections inside allow-listed tokens, then keep the longest of overlapping spans.

    A detection that touches a protected token survives only if it strictly contains that token
    (``59 Elm St``) or is a labelled, high-confidence detection (``MRN: 97550``, ``IL 62704``).
    Ties: longer span, then higher score, then entity priority, then position: deterministic.
    """
    from assistant.phi.recognizers import STRONG

    starts = [ps for ps, _ in protected]
    kept = []
    for span in spans:
        start, end, _, score = span
        if score < STRONG:
            # protected tokens are disjoint and sorted: only those starting before ``end`` can touch
            i = bisect.bisect_left(starts, end) - 1
            blocked = False
            while i >= 0 and protected[i][1] > start:
                ps, pe = protected[i]
                if not (start <= ps and pe <= end and end - start > pe - ps):
                    blocked = True
                    break
                i -= 1
            if blocked:
                continue
        kept.append(span)
    # Overlapping detections merge into one span (a part left out would leak: "Leeds LS6" + "LS6 2AB");
    # the label is the one of the longest, best-scored, most specific detection in the group.
    kept.sort(key=lambda s: (s[0], s[0] - s[1]))
    chosen: list[Span] = []
    best: Span | None = None
    for span in kept:
        if chosen and span[0] < chosen[-1][1]:
            start, end, _, score = chosen[-1]
            best = min(best or span, span, key=_rank_key)
            chosen[-1] = (start, max(end, span[1]), best[2], max(score, span[3]))
        else:
            best = span
            chosen.append(span)
    return chosen


def _rank_key(span: Span) -> tuple[int, float, int]:
    return (span[0] - span[1], -span[3], _PRIORITY.get(span[2], 99))
