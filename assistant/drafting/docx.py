"""The appeal letter as a DOCX ready to print on letterhead (python-docx).

The top margin is left deep for the practice's letterhead; the body is plain 11-pt text with
the evidence (note quotes, source ids) in a smaller line under each statement, and the sources
listed at the end so a reviewer can check every citation.
"""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Inches, Pt

from assistant.drafting.models import AppealResult
from assistant.drafting.render import has_section


def appeal_docx(result: AppealResult) -> bytes:
    """DOCX bytes of the letter; raises ValueError when the result has no letter."""
    letter = result.letter
    if letter is None:
        raise ValueError(f"this result has no letter (recommendation: {result.recommendation})")
    doc = Document()
    for page in doc.sections:
        page.top_margin = Inches(1.75)  # room for the letterhead
        page.left_margin = page.right_margin = Inches(1)
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    doc.add_paragraph("Date: ____________________")
    doc.add_paragraph(letter.recipient)
    subject = doc.add_paragraph()
    subject.add_run("Re: ").bold = True
    subject.add_run(letter.subject)
    table = doc.add_table(rows=0, cols=2)
    for key, value in letter.identifiers.items():
        row = table.add_row().cells
        row[0].text, row[1].text = key, value
    doc.add_paragraph("")
    doc.add_paragraph("To whom it may concern,")
    for section in letter.sections:
        doc.add_heading(section.heading, level=2)
        for st in section.statements:
            doc.add_paragraph(st.text)
            bits = [f"“{q.text}”" for q in st.quotes] + [f"[{s}]" for s in st.source_ids]
            if bits:
                ev = doc.add_paragraph()
                run = ev.add_run("Evidence: " + "; ".join(bits))
                run.italic = True
                run.font.size = Pt(9)
    if not has_section(letter, ("attach", "enclos")):
        doc.add_heading("Enclosures", level=2)
        for att in letter.attachments:
            doc.add_paragraph(att, style="List Number")
    doc.add_paragraph("Sincerely,")
    doc.add_paragraph(letter.signature)
    if result.sources:
        doc.add_heading("Sources cited", level=3)
        for s in result.sources:
            p = doc.add_paragraph(f"[{s.id}] {s.title} — {s.publisher}. {s.url}")
            p.runs[0].font.size = Pt(9)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
