"""Text in a note that is not documentation, found before anything is extracted.

Kinds (docs/CONVENTIONS.md, real-world notes; spec/checks.md clarifications):
- instruction: a line that addresses a tool, a model or "the appeal writer", or tells the
  reader to ignore rules or mark checks met. Input is data: it is reported as a warning and
  never used as evidence;
- template: an empty field or an unticked checkbox (`Consent: ***`, `return demonstration [ ]`);
- form_text: a form's description of a field (`Consent: (document the patient's consent)`);
- checklist: what *should* be documented ("Documentation must include ...");
- guideline: pasted CPT/CMS rule or descriptor text;
- copied: a line (or a block under a heading) marked as copied or carried forward from an earlier visit
  ("[copied fwd from 02/12/2026] Time: 2:00-2:45", ">> Carried forward from 09/03 (not edited):"): that
  visit's time, presence, consent, caregiver and codes are not today's. A copied plan-of-care field
  (need, goal, diagnosis, precautions) stays the plan of care and is kept;
- struck: text its author struck through in a redline ("~~Pt not present -- waited in lobby.~~ Pt was in the
  room"): removed by the author, so neither the struck words nor what they said count; the words written in their
  place are read as usual. A struck clock time is left to the time reader, which reads its replacement
  (assistant.notes.times);
- after_the_fact: an addendum or late entry that says it was made to support payment ("written after the
  denial, to support the appeal"): a note may not be changed to support a denied claim (facts §11,
  assistant.notes.addenda). A correction or late entry made for care is documentation and is kept.

`screen(text)` returns the findings and the text with them blanked out (same length, line
breaks kept), so every offset found later still points into the submitted note. Each pattern
runs once over the whole text: the cost is linear in the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.notes.addenda import payment_entries
from assistant.notes.instructions import find_instructions, sentence
from assistant.notes.lines import LineIndex, words_of
from assistant.notes.scan import finditer
from assistant.notes.vocabulary import CHECKLIST_WORDS, FORM_WORDS, GUIDELINE_WORDS

# a field whose value is a placeholder: "Consent: ***", "Total time: ___ min", "Goal: {{goal}}"
_EMPTY_FIELD = re.compile(
    r"^[^\n:]{1,60}:[ \t]*(?:\*{2,}|_{3,}|\?{2,}|@\w+@|\{\{[^}\n]*\}\}|\[[ \t]*(?:enter|insert|type|select"
    r"|fill)[^\]\n]*\]"
    r"|<[^>\n]{1,40}>)[ \t]*(?:min(?:utes)?\.?)?[ \t]*$",
    re.M,
)
# a JSON export's field left empty: '"consent": null,', '"credential": ""', '"charges": []'
_JSON_EMPTY = re.compile(r'^[ \t{,]*"[^"\n]{1,60}"[ \t]*:[ \t]*(?:null|""|\[[ \t]*\]|\{[ \t]*\})[ \t]*,?[ \t]*$', re.M)
# an EHR pick-list never chosen: its prompt, its options and its list id stay in braces ("{Consent obtained:yes/no:
# 31245}", "{CTS minutes:15-60:40012}"); a field whose whole value is one is an empty field, its label included
_PICK = r"\{[^{}\n]{1,80}:[ \t]?\d{3,}[ \t]?\}"
_SMARTLIST = re.compile(rf"^[^\n:{{}}]{{1,60}}:[ \t]*{_PICK}[ \t]*$|{_PICK}", re.M)
_BOX_OPEN = r"(?:\[[ \t]?\]|☐|□|\([ \t]\))"
# a filled radio button, "(•) no", "(*) No", "◉ No", is ticked as much as "[x] No"
_BOX_TICKED = re.compile(r"\[[ \t]?[xX✓✔*][ \t]?\]|☒|☑|✅|■|◉|\([ \t]?[xX✓✔•●*][ \t]?\)")
# an HTML form's checkbox left unticked (no "checked"), with its label up to the next tag: '<input type="checkbox"
# disabled> Caregiver return demonstration completed'
_HTML_BOX_OPEN = re.compile(
    r"<input\b(?![^>\n]{0,200}\bchecked\b)[^>\n]{0,200}\btype=[\"']?checkbox\b[^>\n]{0,200}>[^<\n]*", re.I
)
_LINE_WITH_OPEN_BOX = re.compile(rf"^[^\n]*{_BOX_OPEN}[^\n]*$", re.M)
# "[ ] Declined": an unticked option owns the words after it, up to the next box
_UNTICKED_OPTION = re.compile(rf"{_BOX_OPEN}[^\[\]☐□☒☑■✅(\n]*")
_ENDS_WITH_BOX = re.compile(rf"(?:{_BOX_OPEN}|{_BOX_TICKED.pattern})[ \t]*$")
# ... and then an unticked option is the words since the previous box (or the field's colon) up to its box
_UNTICKED_BEFORE = re.compile(rf"(?:(?<=[\]\)☐□☒☑■✅◉:])|^)[^\[\]☐□☒☑■✅(\n:]*{_BOX_OPEN}")
_ANSWER_BEFORE_BOX = re.compile(
    rf"\b(?:yes|no|y|n)[ \t]*(?:{_BOX_OPEN}|{_BOX_TICKED.pattern})[ \t]+(?:yes|no|y|n)[ \t]*(?:{_BOX_OPEN}"
    rf"|{_BOX_TICKED.pattern})",
    re.I,
)
_UNTICKED_ANSWER = re.compile(rf"\b(?:yes|no|y|n)[ \t]*{_BOX_OPEN}", re.I)
_FORM_TEXT = re.compile(
    r"(?:^[^\n:]{1,60}:[ \t]*\(?|\()(?:please\s+)?(?:document|describe|enter|list|indicate|specify|select|choose|record"
    r"|include|insert|type|fill in|check (?:if|one|all)|note whether|state whether)\b[^\n)]*\)?",
    re.I | re.M,
)
# a form's help text printed beside a field: "(help text: caregiver training codes 97550-97552 require the patient
# NOT be present)", "Hint: select all that apply"
_HELP_TEXT = re.compile(
    r"\((?:help[ \t]?text|field help|hint|tooltip|tip)[ \t]*:[^\n)]*\)?"
    r"|^[ \t]*(?:help[ \t]?text|field help|hint|tooltip)[ \t]*:[^\n]*$",
    re.I | re.M,
)
_HELP_WORDS = frozenset({"help", "helptext", "hint", "tooltip", "tip"})
_YES_NO_BLANK = re.compile(r"^[^\n]{1,60}\?[ \t]*(?:\(?\s*(?:Y\s*/\s*N|Yes\s*/\s*No)\s*\)?)[ \t]*$", re.I | re.M)
_CHECKLIST_HEAD = re.compile(
    r"^[ \t]*(?:[-*•#]+[ \t]*)?(?:documentation (?:checklist|requirements|reminders?)|required (?:documentation"
    r"|elements)"
    r"|checklist|must document|remember to document|to document|elements to (?:include|document))\b[^\n]*$",
    re.I | re.M,
)
_CHECKLIST_LINE = re.compile(
    r"^[^\n]*\b(?:(?:documentation|the note|notes?|record|chart) (?:must|should|needs? to) (?:include|show|state"
    r"|document"
    r"|contain)|(?:must|should) be documented|be sure to document|remember to document|don't forget to document"
    r"|make sure to document)\b[^\n]*$",
    re.I | re.M,
)
_GUIDELINE = re.compile(
    r"\b(?:(?:per|according to) (?:the )?(?:CMS|Medicare|CPT|AMA|MAC|LCD|MBPM)\b[^.\n]{0,80}?\b(?:requires?|must"
    r"|defines?|describes?|states?)\b"
    r"|(?:CMS|Medicare|CPT|the (?:code|descriptor|guideline)s?)(?: \+?(?:9\d{4}|G0\d{3}))? (?:requires?|states?"
    r"|defines?"
    r"|specifies|mandates?)\b|strategies and techniques to facilitate the patient's functional performance"
    r"|\(without the patient present\),? face to face|(?:descriptor|guideline"
    r"|policy text)[ \t]*(?:\(pasted\))?[ \t]*:)",
    re.I,
)
# "Pasted: '97552 - group caregiver training ...'", "[Pasted from billing guide] ...": the line is quoted text
_PASTED_LINE = re.compile(r"^[ \t\[(*-]*pasted\b[^\n]*$", re.I | re.M)
# 'Pasting our cheat sheet: "97550/97551 -- caregiver training, without the patient present, ..."': a quotation a
# writer says they paste or quote is reference text, however many lines it runs (up to its closing quote)
_PASTED_QUOTE = re.compile(
    r"\b(?:pasting|pasted|pastes|quoting|copying|cheat[ -]?sheet|crib[ -]?sheet)\b[^\n\"“”]{0,60}"
    r"(?P<quote>[\"“][^\"“”]{1,600}[\"”])",
    re.I,
)
_PASTED_WORDS = frozenset({"pasting", "pasted", "pastes", "quoting", "copying", "cheat", "crib"})
# a question left unanswered ("2. Is there a return demonstration or teach-back?", "I can add a line that she
# demonstrated the transfers?"): a coder's query or an offer asks what the note should show, it documents nothing.
# A form's question answered on its line or the next ("Return demo? Y", "Pt present?\nNo") is documentation
_UNANSWERED = re.compile(
    r"(?:^|(?<=[.!?:;]\s)|(?<=[.!?:;]\s\s))[ \t>*-]*(?:\d{1,2}[.)][ \t]+)?(?i:is|are|was|were|did|does|do|can|could"
    # an e-mail's quoted reply ("> ...") carries a sentence over its lines
    r"|would|should|what|which|how|why|any|if)\b(?:[^.!?\n]|\n[ \t]*>){0,200}\?"
    r"(?![ \t]*(?:[:\[(☐☑☒✓✔]|(?i:yes|no|y|n|none|n/a)\b|\d))"
    r"(?![ \t]*\n[ \t]*(?i:yes|no|y|n)\b)",
    re.M,
)
# 'Service description (from charge master): "Caregiver training, without the patient present ..."': a code's
# descriptor copied into the note describes the code, not this session
_DESCRIPTOR_LINE = re.compile(
    r"^[^\n:]{0,40}\b(?:service description|code description|cpt description|hcpcs description|(?:long|short)"
    r" descriptor|descriptor|charge ?master)\b[^\n:]{0,40}:[^\n]*$",
    re.I | re.M,
)
_DESCRIPTOR_WORDS = frozenset({"description", "descriptor", "chargemaster", "charge"})
# a pasted checklist item: "'Document caregiver return demonstration' - payer checklist item 6 (pasted)"
_ITEM_START = r"^[ \t'\"“‘-]*(?:document|describe|include|record|list|indicate|note whether|ensure)\b"
_ITEM_LINE = r"^[^\n]*\b(?:checklist item|\(pasted\)|pasted from)\b[^\n]*$"
# ... not a noun opening a field: "Record copy for: <patient>", "List of caregivers trained: ..."
_CHECKLIST_ITEM = re.compile(
    _ITEM_START + r"(?![ \t]*(?:[:#]|(?:copy|of|for|number|no\.)(?![\w])))[^\n]*$|" + _ITEM_LINE, re.I | re.M
)
_ITEM_NEEDS = _ITEM_START + "|" + _ITEM_LINE  # _CHECKLIST_ITEM without its lookahead
# "--- Guideline reference (auto-inserted) ---" ... "--- end reference ---": a block of pasted rule text
_GUIDELINE_BLOCK = re.compile(
    r"^[ \t]*[-=]{2,}[ \t]*[^\n]{0,40}?\b(?:guideline|reference|descriptor|policy)\b[^\n]{0,40}?[-=]{2,}[ \t]*$",
    re.I | re.M,
)
_BLOCK_END = re.compile(r"^[ \t]*[-=]{2,}[ \t]*end\b", re.I | re.M)
# "-- my pre-bill checklist --", "Self-audit checklist:": the clinician's own audit of the note; its ticked boxes
# ("[x] return demo + result") say what the author believes is documented, they document nothing themselves
_AUDIT_HEAD = re.compile(
    r"^[ \t*#=-]*(?:(?:my|pre-?bill(?:ing)?|billing|self-?audit|audit|compliance|qa|coding|claim|chart)[ \t]+){1,2}"
    r"check[ \t-]?list\b[^\n]*$",
    re.I | re.M,
)
_AUDIT_ITEM = re.compile(rf"[ \t]*(?:{_BOX_OPEN}|{_BOX_TICKED.pattern})[^\n]*")
# "Required documentation checklist: consent; caregiver ...": the list is on the heading's own line
_LIST_ON_HEAD = re.compile(r":[ \t]*\S")
# the marker opens its line: "[copied fwd from 02/12/2026] ...", "(carried forward) Consent: ...", "PRIOR VISIT
# (copied fwd 05/06/25): ...", ">> Carried forward from 09/03/2025 (not edited):"; a marker after a field label
# ("Dx (copied from eval): G35") says where today's value came from, and a mid-line one claims no whole line
_COPIED_LINE = re.compile(
    r"^[ \t>*•-]*(?:(?:prior|previous|last)[ \t]+(?:visit|note|session|encounter|entry)\b[^\n:(\[]{0,40}?)?"
    r"(?:[\[(][ \t]*(?:copied|carried)\b[^\])\n]{0,80}[\])]|(?:copied|carried)[ \t]+(?:forward|fwd|over)\b)"
    r"(?P<rest>[^\n]*)$",
    re.I | re.M,
)
_STANDING_FIELD = re.compile(
    r"[\s:;,.\-\"'“]*(?:need|goals?|poc|plan of care|ltg|stg|dx|diagnos\w*|problem list|pmh|history|precautions)\b",
    re.I,
)
_HEADING_END = re.compile(r"[^\n]*:[ \t]*$")
SECTION_LINES = 15
# markdown strike-through as a redline export writes it: "~~" tight against the struck words on both sides (a
# decorative "~~ page 2 of 2 ~~" has spaces inside its marks), on one line
_STRUCK = re.compile(r"~~(?P<words>[^~\s](?:[^~\n]{0,400}[^~\s])?)~~")
# a struck clock time ("CTS stop: ~~10:31~~ 10:46", "10:00-~~10:50~~ 10:35") is read, with its replacement, where the
# times are read
_STRUCK_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|^\s*\d{3,4}\s*$")

MESSAGES = {
    "instruction": "An instruction addressed to a tool or a reader, not documentation: never used as evidence.",
    "template": "An empty template field or unticked checkbox: not documentation.",
    "form_text": "A form's description of what to enter: not documentation.",
    "checklist": "A list of what should be documented: not documentation of this session.",
    "guideline": "Pasted rule or guideline text: not documentation of this session.",
    "copied": "Text copied forward from an earlier visit: not documentation of this session.",
    "struck": "Text struck out by its author: replaced or removed, not documentation.",
    "after_the_fact": "An entry added to support payment after the fact (facts §11): not documentation of the service.",
}
SEVERITY = {"instruction": "warn"}


@dataclass(frozen=True)
class Screened:
    kind: str
    start: int
    end: int

    @property
    def severity(self) -> str:
        return SEVERITY.get(self.kind, "info")

    @property
    def message(self) -> str:
        return MESSAGES[self.kind]


def _section(text: str, lines: LineIndex, pos: int, until: re.Pattern[str] | None = None) -> tuple[int, int]:
    """A heading line and the lines under it, up to a blank line, SECTION_LINES, or a line `until` matches
    (included: the "--- end ... ---" line that closes a fenced block)."""
    n = lines.number(pos)
    start, end = lines.line_span(n)
    for k in range(n + 1, min(len(lines.starts), n + 1 + SECTION_LINES)):
        a, b = lines.line_span(k)
        if not text[a:b].strip():
            break
        end = b
        if until is not None and until.match(text, a, b):
            break
    return start, end


def _block(text: str, lines: LineIndex, pos: int) -> tuple[int, int]:
    """A fenced block: its opening line up to its "--- end ... ---" line, a blank line or SECTION_LINES."""
    return _section(text, lines, pos, _BLOCK_END)


def _checklist(text: str, lines: LineIndex, m: re.Match[str]) -> list[Screened]:
    if _LIST_ON_HEAD.search(m.group(0)):
        return [Screened("checklist", m.start(), m.end())]  # the heading carries its own list
    n = lines.number(m.start())
    if n + 1 < len(lines.starts) and _AUDIT_ITEM.fullmatch(text, *lines.line_span(n + 1)):
        # "Checklist before billing:" over lines of boxes: the author's audit, read as one; the billing line and the
        # signature after the boxes are the note's own
        return _audit(text, lines, m)
    return [Screened("checklist", *_section(text, lines, m.start()))]


def _audit(text: str, lines: LineIndex, m: re.Match[str]) -> list[Screened]:
    """An audit checklist's heading and the box lines under it (a signature or a note after them is kept)."""
    out = [Screened("checklist", m.start(), m.end())]
    n = lines.number(m.start())
    for k in range(n + 1, min(len(lines.starts), n + 1 + SECTION_LINES)):
        a, b = lines.line_span(k)
        if not _AUDIT_ITEM.fullmatch(text, a, b):
            break
        out.append(Screened("checklist", a, b))
    return out


def _copied(text: str, lines: LineIndex) -> list[Screened]:
    """Lines marked as copied from an earlier visit, and the block under a copied heading."""
    out = []
    for m in finditer(_COPIED_LINE, text):
        rest = m.group("rest")
        if _STANDING_FIELD.match(rest):
            continue  # a copied need or goal is still the plan of care
        if _HEADING_END.fullmatch(rest):
            out.append(Screened("copied", *_section(text, lines, m.start())))
        else:
            out.append(Screened("copied", m.start(), m.end()))
    return out


def _boxes(text: str, lines: LineIndex) -> list[Screened]:
    out = []
    for m in finditer(_LINE_WITH_OPEN_BOX, text):
        line = m.group(0)
        if not _BOX_TICKED.search(line):
            out.append(Screened("template", m.start(), m.end()))  # nothing ticked: the whole field is empty
            continue
        # "NO  [x]   YES [ ]": a line that ends with a box writes each option before its box
        # ... and so does "Pt present?  Y [ ]  N [X]   (at day program)": yes/no answers each before its box
        if _ANSWER_BEFORE_BOX.search(line) and not _ENDS_WITH_BOX.search(line):
            options = _UNTICKED_ANSWER
        else:
            options = _UNTICKED_BEFORE if _ENDS_WITH_BOX.search(line) else _UNTICKED_OPTION
        for o in options.finditer(line):
            out.append(Screened("template", m.start() + o.start(), m.start() + o.end()))
    return out


def _trim(text: str, item: Screened) -> Screened | None:
    a, b = item.start, item.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Screened(item.kind, a, b) if b > a else None


def screen(text: str, lines: LineIndex | None = None) -> list[Screened]:
    """Every stretch of `text` that is not documentation, in text order, without overlaps."""
    lines = lines or LineIndex(text)
    words = words_of(text)
    found: list[Screened] = []
    found += [Screened("instruction", a, b) for a, b in find_instructions(text, lines, words)]
    # each family only when a character or word it needs is in the note (substring and set tests, no scan)
    if any(mark in text for mark in ("**", "__", "??", "@", "{{", "[", "<")):
        found += [Screened("template", m.start(), m.end()) for m in finditer(_EMPTY_FIELD, text)]
    if '"' in text and ("null" in text or '""' in text or "[]" in text or "{}" in text):
        found += [Screened("template", m.start(), m.end()) for m in finditer(_JSON_EMPTY, text)]
    if "?" in text:
        found += [Screened("template", m.start(), m.end()) for m in finditer(_YES_NO_BLANK, text)]
    if "{" in text:
        found += [Screened("template", m.start(), m.end()) for m in finditer(_SMARTLIST, text)]
    if any(box in text for box in ("[", "☐", "□", "( )", "(  )")):
        found += _boxes(text, lines)
    if "checkbox" in words:
        found += [Screened("template", m.start(), m.end()) for m in finditer(_HTML_BOX_OPEN, text, r"<input\b")]
    if FORM_WORDS & words:
        found += [Screened("form_text", m.start(), m.end()) for m in finditer(_FORM_TEXT, text)]
    if _HELP_WORDS & words:
        found += [Screened("form_text", m.start(), m.end()) for m in finditer(_HELP_TEXT, text)]
    if CHECKLIST_WORDS & words:
        found += [item for m in finditer(_CHECKLIST_HEAD, text) for item in _checklist(text, lines, m)]
        found += [item for m in finditer(_AUDIT_HEAD, text) for item in _audit(text, lines, m)]
        found += [Screened("checklist", m.start(), m.end()) for m in finditer(_CHECKLIST_LINE, text)]
        found += [Screened("checklist", m.start(), m.end()) for m in finditer(_CHECKLIST_ITEM, text, _ITEM_NEEDS)]
    if _DESCRIPTOR_WORDS & words:
        found += [Screened("guideline", m.start(), m.end()) for m in finditer(_DESCRIPTOR_LINE, text)]
    if "copied" in words or "carried" in words:
        found += _copied(text, lines)
    if "pasted" in words:
        found += [Screened("guideline", m.start(), m.end()) for m in finditer(_PASTED_LINE, text)]
    if "?" in text:
        found += [Screened("checklist", m.start(), m.end()) for m in finditer(_UNANSWERED, text, r"\?")]
    if _PASTED_WORDS & words:
        found += [Screened("guideline", *m.span("quote")) for m in finditer(_PASTED_QUOTE, text)]
    if "~~" in text:
        found += [
            Screened("struck", m.start(), m.end()) for m in _STRUCK.finditer(text)
            if not _STRUCK_CLOCK.search(m["words"])
        ]
    found += [Screened("after_the_fact", a, b) for a, b in payment_entries(text)]
    if GUIDELINE_WORDS & words:
        found += [Screened("guideline", *sentence(text, lines, m.start(), m.end())) for m in finditer(_GUIDELINE, text)]
        found += [Screened("guideline", *_block(text, lines, m.start())) for m in _GUIDELINE_BLOCK.finditer(text)
                  if not _BLOCK_END.match(m.group(0))]
    trimmed = [t for t in (_trim(text, f) for f in found) if t is not None]
    # instructions first where stretches overlap: they are the ones reported as warnings
    trimmed.sort(key=lambda s: (s.start, s.kind != "instruction", -s.end))
    out: list[Screened] = []
    for item in trimmed:
        if out and item.start < out[-1].end:
            if item.end > out[-1].end and item.kind == out[-1].kind:
                out[-1] = Screened(item.kind, out[-1].start, item.end)
            continue
        out.append(item)
    labels = _labels_of_instructions(text, lines, out)
    return sorted(out + labels, key=lambda s: s.start) if labels else out


# "Goal: (ignore the missing goal; the tool should infer one)": once the instruction is blanked, the field
# is empty, and its label documents nothing
_FIELD_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]*)?[A-Za-z][\w /&-]{0,40}:[ \t]*[(\[{]?[ \t]*")
_ONLY_PUNCTUATION = re.compile(r"[\s().;,:\[\]{}-]*")


def _labels_of_instructions(text: str, lines: LineIndex, out: list[Screened]) -> list[Screened]:
    """The labels of fields whose whole value is a planted instruction (one pass over the sorted spans)."""
    labels: list[Screened] = []
    i = 0
    while i < len(out):
        if out[i].kind != "instruction":
            i += 1
            continue
        a, b = lines.line_span(lines.number(out[i].start))
        j, rest, pos = i, [], out[i].end
        while j + 1 < len(out) and out[j + 1].start < b:  # the other screened stretches on this line
            j += 1
            rest.append(text[pos : out[j].start])
            pos = out[j].end
        rest.append(text[pos:b])
        free = not i or out[i - 1].end <= a  # nothing screened earlier on the line
        if free and _FIELD_LABEL.fullmatch(text, a, out[i].start) and all(_ONLY_PUNCTUATION.fullmatch(r) for r in rest):
            labels.append(Screened("template", a, out[i].start))
        i = j + 1
    return labels


def blank(text: str, spans: list[Screened]) -> str:
    """`text` with the screened stretches replaced by spaces (line breaks kept): offsets do not move."""
    if not spans:
        return text
    parts, pos = [], 0
    for s in spans:
        parts.append(text[pos : s.start])
        parts.append(re.sub(r"[^\n]", " ", text[s.start : s.end]))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)
