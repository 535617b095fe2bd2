"""Messages, chats and e-mails: addresses on any domain and of any mailbox, chat speakers, sign-offs, bare ordinal days.

Each scrub row names a secret that must disappear; each keep row must come back unchanged.
Synthetic values only.
"""

from __future__ import annotations

SCRUB = [
    # e-mail addresses, reserved test domains included
    ("From: Oda Venn <ovenn@example-kx.test>\nhi", "ovenn@example-kx.test"),
    ("ok writing to q.halvorsenmbe@example-lab.test now", "q.halvorsenmbe@example-lab.test"),
    # a department's mailbox is an address like any other (one rule for every recognizer)
    ("Send it to billing-team@example-kx.test and scheduling@example-kx.test.", "billing-team@example-kx.test"),
    ("Send it to billing-team@example-kx.test and scheduling@example-kx.test.", "scheduling@example-kx.test"),
    ("To: records@valleyortho.example\nDate: Tue", "records@valleyortho.example"),
    # chat speakers, "transcribed by", a first name alone on the last line, lower-case signatures
    ("[8:41 AM] pkorvald: is the auth back?\n[8:43 AM] lu.m: not yet", "pkorvald"),
    ("[8:41 AM] pkorvald: is the auth back?\n[8:43 AM] lu.m: not yet", "lu.m"),
    ("Dictated by the PT. Transcribed by qz.\n", "qz"),
    ("Please call back Thursday.\nBrendan\n", "Brendan"),
    ("follow up fri. - v.osterby pta\n", "osterby"),
    # a given name right before a found surname
    ("The aide for Mr. Ostrander, Tallis Brandvold, starts Monday.", "Tallis"),
    # a nickname in quotes inside a full name; a signature with an initial and a surname that is a word too
    ('Met Mr. Oyel "Bo" Oyelaran at home.', "Bo"),
    ("next fri. - k.wood pta\n", "wood"),
    # a day of the month alone, ending its phrase
    ("Can the visit move to the 9th? Thanks", "9th"),
    ("Rebook for Friday or 12th, either works", "12th"),
    ("Next: the 3rd. 97550 GP", "3rd"),
    # month and short year, day month short year in lower case
    ("last seen Jun '24 at clinic", "Jun '24"),
    ("voicemail, 7 feb 26, 09:10", "7 feb 26"),
    # ages over 89 in tables and denials
    ('MRN,age\nX1,96y,"Lo"', "96y"),
    ("Note: member is 94; rep on file", "94"),
]
KEEP = [
    "the 2nd person assisted; 3rd floor walk-up",
    "Plan: continue program.\nMonday\n",
    "Please call.\nThanks\n",
    'Uses "Hoyer" Lift daily',
    "[8:41 AM] Billing: queue cleared",
]


# SCRUB and KEEP (data only) are run by tests/phi/test_odd_shapes.py with the other tables.
