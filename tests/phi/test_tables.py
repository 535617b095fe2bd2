"""What must be scrubbed and what must be kept: one row per case, synthetic values only."""

from __future__ import annotations

import re

import pytest

from assistant.phi import Deidentifier

# (text, secret that must disappear, placeholder label it must become)
SCRUB = [
    # names: titles, relations, labels, signatures
    ("Mr. John Smith arrived early.", "John Smith", "PERSON"),
    ("Mrs. O'Connell called back.", "O'Connell", "PERSON"),
    ("Spoke with Ms. Lee about transfers.", "Lee", "PERSON"),
    ("Dr. Alan Whitfield reviewed the plan.", "Alan Whitfield", "PERSON"),
    ("Dr. McDonald agreed.", "McDonald", "PERSON"),
    ("Dr. J. Patel signed the order.", "J. Patel", "PERSON"),
    ("caregiver Karen attended", "Karen", "PERSON"),
    ("Caregiver: Linda Park (daughter)", "Linda Park", "PERSON"),
    ("Caregiver (daughter) Karen J. O'Connell attended.", "Karen J. O'Connell", "PERSON"),
    ("wife Mary Jones present", "Mary Jones", "PERSON"),
    ("husband Frank joined by video", "Frank", "PERSON"),
    ("daughter Ann-Marie Lopez", "Ann-Marie Lopez", "PERSON"),
    ("son David was trained", "David", "PERSON"),
    ("mother Rosa and father Luis", "Rosa", "PERSON"),
    ("mother Rosa and father Luis", "Luis", "PERSON"),
    ("Neighbor Bob Smith may assist.", "Bob Smith", "PERSON"),
    ("friend Tom helps on weekends", "Tom", "PERSON"),
    ("Patient's spouse, Helen Brooks, was trained.", "Helen Brooks", "PERSON"),
    ("Patient: Margaret O'Connell", "Margaret O'Connell", "PERSON"),
    ("PATIENT NAME: MARGARET OCONNELL", "MARGARET OCONNELL", "PERSON"),
    ("Jordan Reyes, PT, DPT", "Jordan Reyes", "PERSON"),
    ("Electronically signed: Sam Ortiz, OTR/L 03/04/2025", "Sam Ortiz", "PERSON"),
    ("Jamie Fox, CCC-SLP", "Jamie Fox", "PERSON"),
    ("Co-signed: Lee Park, PTA", "Lee Park", "PERSON"),
    ("Referred by PCP: Susan Miller, MD.", "Susan Miller", "PERSON"),
    ("DR. SMITH called back.", "SMITH", "PERSON"),
    ("her husband (Frank) attended", "Frank", "PERSON"),
    ("Karen (daughter) attended", "Karen", "PERSON"),
    ("Karen, her daughter, attended", "Karen", "PERSON"),
    ("Caregiver Name: Kim, David (son)", "David", "PERSON"),
    ("Jordan Reyes\nPT, DPT", "Jordan Reyes", "PERSON"),
    # dates: every common clinical form
    ("DOS 03/04/2025", "03/04/2025", "DATE"),
    ("seen on 3/4/25 for CTS", "3/4/25", "DATE"),
    ("Date of service: 2025-03-04", "2025-03-04", "DATE"),
    ("scheduled March 4, 2025", "March 4, 2025", "DATE"),
    ("confirmed 4 Mar 2025", "4 Mar 2025", "DATE"),
    ("Mar 4th, 2025 visit", "Mar 4th, 2025", "DATE"),
    ("04-MAR-2025", "04-MAR-2025", "DATE"),
    ("Sept. 9, 2024", "Sept. 9, 2024", "DATE"),
    ("DOB: 12/31/41", "12/31/41", "DATE"),
    ("admitted March 2025", "March 2025", "DATE"),
    ("3-4-2025", "3-4-2025", "DATE"),
    ("seen on 3/4 for CTS", "3/4", "DATE"),
    ("DOS: 3/4.", "3/4", "DATE"),
    # identifiers
    ("MRN: 123456", "123456", "MRN"),
    ("MRN 00482913", "00482913", "MRN"),
    ("Medical Record #: A12345", "A12345", "MRN"),
    ("MBI 1EG4-TE5-MK73", "1EG4-TE5-MK73", "MBI"),
    ("Medicare card 1EG4TE5MK73", "1EG4TE5MK73", "MBI"),
    ("SSN 123-45-6789", "123-45-6789", "SSN"),  # known-invalid pattern: scrubbed anyway (safe side)
    ("SSN: 078051120", "078051120", "SSN"),
    ("NPI: 1234567893", "1234567893", "NPI"),
    ("NPI 1234567890", "1234567890", "NPI"),  # fails the NPI checksum: labelled, so scrubbed anyway
    ("Member ID: XJ123456789", "XJ123456789", "ID"),
    ("Claim #: 22012345678900", "22012345678900", "ID"),
    # contact details
    ("call (217) 555-0143", "(217) 555-0143", "PHONE"),
    ("cell 217-555-0143", "217-555-0143", "PHONE"),
    ("home 217.555.0143", "217.555.0143", "PHONE"),
    ("+1 217 555 0143", "217 555 0143", "PHONE"),
    ("email jane.doe@hospital.org today", "jane.doe@hospital.org", "EMAIL"),
    ("call +44 20 7946 0958 today", "20 7946 0958", "PHONE"),
    ("portal https://portal.example.org/pt?id=12.", "portal.example.org/pt?id=12", "URL"),
    # addresses
    ("lives at 123 Main St with her son", "123 Main St", "ADDRESS"),
    ("moved to 45 Oak Avenue Apt 2", "45 Oak Avenue Apt 2", "ADDRESS"),
    ("59 Elm Street", "59 Elm Street", "ADDRESS"),  # contains modifier-like 59: the longer span wins
    ("200 W 5th Ave, Suite 300", "200 W 5th Ave, Suite 300", "ADDRESS"),
    ("PO Box 77", "PO Box 77", "ADDRESS"),
    ("Springfield, IL 62704", "Springfield", "ADDRESS"),
    ("Springfield, IL 62704", "62704", "ZIP"),
    ("Portland, OR 97201-1234", "97201-1234", "ZIP"),
    ("Lives with son in Naperville, IL.", "Naperville", "ADDRESS"),
    ("ZIP: 62704", "62704", "ZIP"),
    # ages over 89 (Safe Harbor)
    ("Pt is a 93 year old female", "93", "AGE"),
    ("age 92", "92", "AGE"),
]

# Tokens that must never be scrubbed, alone or inside sentences.
KEEP = [
    # CPT / HCPCS
    "97550", "97551", "97552", "G0541", "G0542", "G0543", "97530", "92507", "97110", "97535",
    # ICD-10-CM
    "I69.351", "G20.A1", "Z91.81", "R26.81", "I63.9",
    # modifiers
    "GP", "GO", "GN", "CQ", "CO", "KX", "59", "XE", "95",
    # units, minutes, clock times
    "x1", "x2", "×3", "X4", "32 min", "15 minutes", "10:15 AM", "1015-1047", "1:05 PM", "9 am",
    # credentials
    "PT", "DPT", "OTR/L", "CCC-SLP", "PTA", "COTA", "SLP", "OT",
    # CARC / RARC
    "CO-50", "N115", "PR-119", "CO-197", "MA130", "N179",
    # clinical words that look like names
    "Moderate", "Min A", "Mod A", "Max A", "Patient", "Caregiver", "Minimal", "CGA",
]  # fmt: skip
KEEP_TEMPLATES = ["{t}", "Billed {t} today.", "Caregiver Mary reviewed {t}.", "{t}, then {t}", "({t})"]


@pytest.mark.parametrize(("text", "secret", "label"), SCRUB, ids=[f"{r[2]}:{r[1]}" for r in SCRUB])
def test_scrubbed(deid: Deidentifier, text: str, secret: str, label: str) -> None:
    result = deid.deidentify(text)
    assert secret not in result.text
    placeholders = [ph for ph, value in result.mapping.items() if secret in value]
    assert placeholders, result.mapping
    assert any(ph.startswith(f"<{label}_") for ph in placeholders), result.mapping
    assert result.reidentify(result.text) == text


def _count(token: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w/-]){re.escape(token)}(?![\w/-])", text))


@pytest.mark.parametrize("template", KEEP_TEMPLATES)
@pytest.mark.parametrize("token", KEEP)
def test_kept(deid: Deidentifier, token: str, template: str) -> None:
    text = template.format(t=token)
    result = deid.deidentify(text)
    assert _count(token, result.text) == _count(token, text), result.text
    assert not any(token in value for value in result.mapping.values()), result.mapping


@pytest.mark.parametrize(
    "text",
    [
        "Caregiver Training (97550) delivered; Patient Education reviewed.",
        "Contact Guard Assist for transfers; Standby Assist with Rolling Walker.",
        "6 Minute Walk Test 250 ft. Berg Balance 38/56. Pain 4/10. Strength 4/5 RLE.",
        "Caregiver demonstrated safe technique with Moderate verbal cues, then Min A x2.",
        "Continue CTS 1x/week x 4 weeks. Home Exercise Program reviewed.",
        "Skilled Need: high aspiration risk; therapist corrected bolus size and pacing.",
        "Caregiver may need 2 more sessions.",
        "Caregiver Competency: Good. Caregiver Understanding Verbalized. Caregiver Burden: High.",
        "Caregiver Training\nPT note",
        "Pain 3/4 on stairs; Goal met 3/4 trials.",
        "Contact: none. Name: n/a. Provider: PT. Therapist: PTA under supervision.",
        "Functional Status: Sit To Stand Mod A; Ambulation 50 Ft With Rolling Walker CGA.",
        "Education Topics: Fall Prevention, Body Mechanics, Energy Conservation.",
    ],
)
def test_clinical_text_untouched(deid: Deidentifier, text: str) -> None:
    assert deid.deidentify(text).text == text


def test_overlaps_resolved_longest_wins(deid: Deidentifier) -> None:
    # "example.com" alone is a URL; inside the e-mail address the longer EMAIL span wins.
    result = deid.deidentify("Reach her at k.oconnell@example.com please.")
    assert result.text == "Reach her at <EMAIL_1> please."
    # A labelled NPI is also a valid-looking phone number: the labelled NPI wins.
    assert deid.deidentify("NPI: 2175550143").text == "NPI: <NPI_1>"
