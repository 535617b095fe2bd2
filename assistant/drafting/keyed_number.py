"""A document number the claim carried mis-keyed: the file states two numbers after the same words ("Auth
UBH-260941-5521 not found", "Auth UBH-260914-5521 -- APPROVED") made of the same characters in another order.

The payer could not match the number the claim carried; the approved document exists under the other. That is a
keying error on the claim, fixed by a corrected claim with the right number, not an appeal of the payer's records.
The scan is linear: each phrase is searched once and at most MAX_NUMBERS numbers are compared pairwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_NUMBERS = 12
_NUMBER_AFTER = r"[\s:#.-]{0,4}(?:(?:number|no\.?|num|#)[\s:#.-]{0,4})?(?P<n>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,30})\b"


def transposed_numbers(words: Sequence[str], text: str) -> tuple[str, str] | None:
    """(one, other): two distinct numbers stated after `words` whose characters are the same, in another order."""
    if not words or not text:
        return None
    lead = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    found: list[str] = []
    for m in re.finditer(rf"(?<![A-Za-z0-9])(?:{lead})(?![A-Za-z0-9]){_NUMBER_AFTER}", text, re.I):
        number = m["n"].upper()
        if number not in found:
            found.append(number)
        if len(found) >= MAX_NUMBERS:
            break
    for i, one in enumerate(found):
        for other in found[i + 1 :]:
            if len(one) == len(other) and sorted(one) == sorted(other):
                return one, other
    return None
