"""The appeal letter as a DOCX a payer can take (python-docx).

The practice's letterhead sits in the page header and a "Page X of Y" footer on every page; the
document's author is the practice and its creation date is when it was written. The body is plain
11-pt text with the evidence (note quotes, source ids) in a smaller line under each statement,
and the sources the letter cites listed at the end so a reviewer can check every citation.

A result without a letter (a corrected claim, no appeal, a letter withheld by the grounding gate)
is the biller's own document instead: the recommendation, why, what to do, the sources and the
warnings, as the text report gives them. It is never addressed to the payer.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from assistant.drafting.models import AppealResult, Letter
from assistant.drafting.render import claim_lines, decision_summary, letter_source_ids, markers, other_warnings


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind is None:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _page_setup(doc: Any, letter: Letter) -> None:
    for page in doc.sections:
        page.top_margin = Inches(1.25)
        page.left_margin = page.right_margin = Inches(1)
        head = page.header.paragraphs[0]
        head.text = "\n".join(letter.letterhead)
        for run in head.runs:
            run.font.size = Pt(9)
        foot = page.footer.paragraphs[0]
        foot.add_run(f"{letter.title} · Page ")
        _field(foot, "PAGE")
        foot.add_run(" of ")
        _field(foot, "NUMPAGES")
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)


def _properties(doc: Any, letter: Letter) -> None:
    props = doc.core_properties
    props.author = props.last_modified_by = letter.letterhead[0] if letter.letterhead else ""
    props.title = letter.title
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)


def _body(doc: Any, letter: Letter) -> None:
    if letter.date:
        doc.add_paragraph(letter.date.strftime("%B %d, %Y").replace(" 0", " "))
    doc.add_paragraph(f"{letter.recipient}\n{letter.recipient_address}")
    doc.add_heading(letter.title, level=1)
    if letter.subject and letter.subject != letter.title:
        doc.add_paragraph(f"Re: {letter.subject}")
    table = doc.add_table(rows=0, cols=2)
    for key, value in letter.identifiers.items():
        row = table.add_row().cells
        row[0].text, row[1].text = key, value
    doc.add_paragraph("To whom it may concern,")
    for section in letter.sections:
        doc.add_heading(section.heading, level=2)
        for st in section.statements:
            doc.add_paragraph(st.text)
            bits = [f"“{q.text}”" for q in st.quotes] + [f"[{s}]" for s in st.source_ids]
            if bits:
                run = doc.add_paragraph().add_run("Evidence: " + "; ".join(bits))
                run.italic = True
                run.font.size = Pt(9)
    doc.add_heading("Enclosures", level=2)
    for att in letter.attachments:
        doc.add_paragraph(att, style="List Number")
    doc.add_paragraph("Sincerely,")
    doc.add_paragraph(letter.signature)


def _small(doc: Any, text: str) -> None:
    for run in doc.add_paragraph(text).runs:
        run.font.size = Pt(9)


def recommendation_docx(result: AppealResult) -> bytes:
    """DOCX bytes of the recommendation for the biller: headline, denial and route facts, why, what to do."""
    doc = Document()
    title, facts = decision_summary(result)
    doc.core_properties.title = title
    doc.core_properties.created = doc.core_properties.modified = datetime.now(UTC).replace(microsecond=0)
    doc.add_heading(title, level=1)
    for fact in facts:
        doc.add_paragraph(fact)
    if result.claim_identifiers:  # ties the printed page to its claim
        doc.add_heading("Claim", level=2)
        for line in claim_lines(result):
            doc.add_paragraph(line)
    for heading, lines in (("Why", [r.text + markers(r.quotes, r.source_ids) for r in result.reasons]),
                           ("What to do", result.actions)):
        doc.add_heading(heading, level=2)
        for line in lines:
            doc.add_paragraph(line, style="List Bullet")
    if result.sources:
        doc.add_heading("Sources", level=3)
        for s in result.sources:
            _small(doc, f"[{s.id}] {s.title} — {s.publisher}. {s.url}")
    for warning in other_warnings(result):
        _small(doc, f"Warning: {warning}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def appeal_docx(result: AppealResult) -> bytes:
    """DOCX bytes of the letter; without a letter, of the recommendation (`recommendation_docx`)."""
    letter = result.letter
    if letter is None:
        return recommendation_docx(result)
    doc = Document()
    _page_setup(doc, letter)
    _properties(doc, letter)
    _body(doc, letter)
    cited = set(letter_source_ids(letter))
    sources = [s for s in result.sources if s.id in cited]
    if sources:
        doc.add_heading("Sources cited", level=3)
        for s in sources:
            doc.add_paragraph(f"[{s.id}] {s.title} — {s.publisher}. {s.url}").runs[0].font.size = Pt(9)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
