"""Extract → check: the deterministic note validator (pure code, no I/O, no model).

Importing this package first imports spaCy with torch hidden; see `_spacy` for why.
"""

from assistant.notes import _spacy  # noqa: F401  (must run before anything imports spaCy)
