"""Imported once, by the fork server that every worker process of `api.pool` is forked from.

It imports the check's modules, loads the knowledge and runs one synthetic check, so a worker
forks with all of it in place (shared copy-on-write) instead of spending ~2 s of CPU on it: with
nine worker processes per web worker on two cores, that start-up was ~15 s of CPU that competed
with the first requests. A worker still builds its own `Assistant` and warms it (cheap here: the
knowledge is `cached_knowledge`'s, per process); this module only saves time, so it never fails.
"""

from __future__ import annotations

import gc

try:
    from api.tasks import warm
    from assistant.service import Assistant

    warm(Assistant())
except Exception:  # e.g. settings that do not validate: each worker then reports its own failure
    pass
# What was loaded lives as long as the fork server: keep the collector (in the workers too) off it, so
# its pages stay shared instead of being copied by the first collection in each worker.
gc.collect()
gc.freeze()
