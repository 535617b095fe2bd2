"""Drafting use cases: note rewrite and appeal letters, grounded.

    appeal.draft_appeal(assistant, denial=..., note=..., claim=..., denial_text=..., dos=...) -> AppealResult
    rewrite.rewrite_note(assistant, text, dos=...) -> RewriteResult

Flow: parse the denial (denial.py) → note check → recommendation by code (recommend.py) → brief
(brief.py) → backend answer → grounding gate (gate.py, pure) → one repair → offline fallback
(pipeline.py) → render as Markdown/text (render.py), JSON (the models) or DOCX (docx.py).
"""
