"""835 remittances (ASC X12 5010, 005010X221A1) read into domain models.

    from assistant.remittance import parse_835
    remittance = parse_835(open("era.835", "rb").read())

x12sdk validates each loop against the TR3 (see `x12`); envelopes, loop assembly and the
partial-failure rules are ours (see `envelope`, `parse`). Only `assistant.worklist` and the
`Assistant` facade use this package.
"""

from assistant.remittance.models import Adjustment, Claim, Payment, Problem, ProviderAdjustment, Remittance, ServiceLine
from assistant.remittance.parse import parse_835

__all__ = ["Adjustment", "Claim", "Payment", "Problem", "ProviderAdjustment", "Remittance", "ServiceLine", "parse_835"]
