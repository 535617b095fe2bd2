"""Every reason code a therapy biller meets most finds the denial pattern that reasons about it (round-14 audit).

A code with no pattern is answered as an appeal of the service whatever it means; one caught by the wrong pattern
gives the wrong reasons (a referring NPI answered as missing units). The scenarios in
evals/datasets/appeals_r14_dev.yaml check the recommendation and route each pattern gives by payer type.
"""

from __future__ import annotations

import pytest

from assistant.drafting.denial import match_pattern, parse_denial
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()


@pytest.mark.parametrize(("codes", "pattern_id"), [
    ("CO-4", "missing_therapy_modifier"),
    ("CO-11", "diagnosis_inconsistent"),
    ("CO-167", "diagnosis_inconsistent"),
    ("CO-15 M62", "authorization"),
    ("CO-16 M53", "time_units_missing"),
    ("CO-16", "claim_lacks_information"),  # no remark: never a remark-led pattern (identifiers, units)
    ("CO-16 N290 MA130", "provider_identifier"),
    ("CO-16 N286 MA130", "provider_identifier"),
    ("CO-16 N265", "provider_identifier"),
    ("CO-16 N382 MA130", "patient_identifier"),
    ("CO-16 MA04", "primary_payment_missing"),  # hostile17 #12: a secondary claim without the primary's payment
    ("CO-18", "duplicate_claim"),
    ("CO-18 N522", "duplicate_claim"),  # the copy that crossed over is the original
    ("CO-22", "wrong_payer"),
    ("OA-23", "payment_adjustment"),
    ("CO-29", "timely_filing"),
    ("CO-45", "payment_adjustment"),
    ("CO-50 N115", "medical_necessity"),
    ("CO-96 N657", "wrong_code_patient_present"),  # hostile15 #9: the remark asks for the code
    ("CO-97 M80", "bundling_ncci"),
    ("CO-96 N20", "bundling_ncci"),  # hostile17 #8: same-date remark, answered with the separate time
    ("CO-96", "plan_not_covered"),
    ("CO-96 N130", "plan_not_covered"),
    ("CO-97 M15", "bundling_ncci"),
    ("CO-109", "wrong_payer"),
    ("CO-109 N70", "consolidated_billing"),
    ("PR-119", "kx_threshold"),
    ("CO-150", "units_not_supported"),
    ("CO-151 N362", "mue_exceeded"),
    ("CO-170", "provider_not_eligible"),
    ("CO-185", "provider_not_eligible"),
    ("CO-197", "authorization"),
    ("CO-198 N54", "authorization"),
    ("CO-204", "plan_not_covered"),
    ("CO-226 M127", "records_not_received"),
    ("CO-252", "records_not_received"),
    ("CO-236", "bundling_ncci"),
    ("CO-B7", "provider_not_eligible"),
    ("CO-B15 N122", "addon_without_primary"),
    ("CO-50 M127", "medical_necessity"),  # a review's necessity denial stays one: only 226/252 say records were missing
])
def test_each_common_code_has_its_pattern(codes: str, pattern_id: str) -> None:
    denial, _ = parse_denial(codes, KB.reason_codes)
    pattern = match_pattern(denial, KB.denial_patterns)
    assert pattern is not None and pattern.id == pattern_id
