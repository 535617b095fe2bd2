"""Extract → check: the deterministic note validator (pure code, no I/O, no model).

Importing this package first imports spaCy with torch hidden; see `assistant.spacy_light` for why.
"""

from assistant import spacy_light  # noqa: F401  (must run before anything imports spaCy)
