"""Adversarial shapes for de-identification (`python benchmarks/scaling_bench.py --target phi`).

They were timed tests once (8 KB against 64 KB); a loaded machine made them flaky, and speed is a benchmark's to
report. Each shape is a unit repeated to the size measured; every round's PHI work adds the shapes it met.
"""

# Repeated to 8 KB and 64 KB: runs of name-like words, hyphen chains, lists of month/days, lower-case streets,
# facilities, state/ZIP pairs, provinces, number words and lower-case signature lines.
UNITS = [
    "Ab-", "😀", "(", "NGUYEN, THI HOA ", "12345-", "Maple ", "A ", ("Ab" * 29) + "! PT\n", "é",
    "5/1, ", "3/5 and ", "12 ab cd ef ", "at ab cd ef gh ", "az 85009 ", "Ab Cd QC ", "ninety-", "r. ab pt\n",
    # round 3: spoken digits and letters, tables, FHIR keys, quoted nicknames, greetings, HL7 names, ranges
    "one ", "oh, ", "a-", "4 ", "ab,cd,ef,gh\n", 'id,name,age,dob\n', '"given": ["', '"Ab" ', "hi its ",
    "- A.\n", "OBR|^AB^CD", "7/22-", "Ab, 95, ", "on the ", "12 calle ab ",
    # round 4: pipe and tab tables, spoken codes, units, coordinates, XML, payers, doses, initials, scripts
    "Ab|Cd|Ef|Gh\n", "ab\tcd\tef\tgh\n", "| Ab | Cd | Ef |\n", "one E ", "Box 1\n", "12.3456,", "<city>A",
    "Apt 1", "last 4 of SSN ", "grandma is ", "123 456 ", "Friday the ", "TMK (", "Ab (서", "Aetna Ab ", "Ab 5 mg ",
    "MSH|AB|", "12 State Route 4, ",
    # round 5: a town after a street, spaced health numbers, name compounds, a name before a street, extensions,
    # "the 2/6 visit", spoken dates of birth
    "12 ab st, Ab, ", "RAMQ no. ABCD 1234 5678 ", "Mr. Ab ab-ab ", "(ab cd, 12 ab rd ", "x1234 ", "the 2/6 visit ",
    "fifteenth August nineteen ",
    # round 5 sealed: a "#" column and "Caregiver(s)" in a header, kin then a name then an age, "im 92", "(wife, 91)"
    "| # | Ab(s) | Cd |\n", "#\tAb(s)\tCd\tEf\n", "father Ab is ", "father Ab ", "im ", "I am ", "(wife, ", "(wife ",
    "code nine seven five five zero, ", "nine seven five five ", "units nine seven ",
    # round 7: month/days by weekday, log row and "+", HTML references and comments, spreadsheet headers, a name in
    # another script or spelled after a name, kin words before lower-case names, spoken dashes, dates of birth and
    # streets, labelled spaced card numbers
    "sat 2/8 ", "Saturday (2/7) ", "#2  3/10  97550\n", "8/26+", "03/03 ", "<!--", "<!-- -->1", "&nbsp;", "&#8209;",
    "a;b;c;d\n", '"Ab","Cd (ef)","Gh","Ij"\n', "Ab, 김수진, ", "Ab Cd, A B C ", "my grandson ab ", "ab ab ",
    "one dash ", "date of birth one ", "one oh two ab street ", "rural route one box ", "ID: AB 1234 ", "24.III ",
    # round 9: letters read with blanks or in the radio alphabet, lower-case titles, practice names, OCR ZIPs, vCard
    # addresses, log keys, chat speakers, initials after kin words, parts of months, rural parts, spoken dates
    "a b ", "spelled a b ", "one e ", "one, alpha, ", "q as in ", "mr ab ", "dr ab ab ", "Ab Cd ", "Ab & ", "Ab, LLC ",
    "Ab VT O5", "HI 967 ", "ADR:;;a;b;", '"mrn":"', "[1] @a: ", "son AB ", "mid-", "2nd wk of ", "RR 1, ", ", Site 12",
    "twenty six february ", "march one, ",
    # round 9b: access codes, one-character spelled ids, X12 payers, coded HL7 elements
    "gate code 1# ", "door ", "A 1 ", "MBI: A 1 - ", "NM1*PR*2*A*****PI*", "|1^A^CPT4", "|1^A^", "OBR|1|2|3|",
    "St. Ab ", "St. Ab Cd, ",
    # round 9c: office boxes after "claims to" / "claims:", addresses over line breaks, page counts
    "claims to PO Box 1, ", "claims: ", "Aetna, PO Box 1,\n", ", Ab Cd Ef AB ", "Ab 1 of ", "Page 1/",
    # round 10: merge fields, lower-case titles with an initial, residences with a room, record numbers behind letters,
    # towns with a ZIP, pagers, video rooms, table gaps, slash-dated texts with month/days, scribes, camel case
    "«Ab» ", "{{ab}} ", "mrs a ", "at ab cd terrace rm 1 ", "AB-1234567 ", "AB-12-", ", Ab 85705) ", "pager 1234 ",
    "room /ab ", "Ab   Cd ", "1 ab   Dr. ", "7/9 1/1/40 ", "scribe: ab ", "SafeHome ", "Age 7 ", "ab t. ",
    # round 11: comments with words, SQL dumps (COPY rows, INSERT tuples, quotes), box rules
    "<!-- a -->", "<!-- a ", "INSERT INTO t (a) VALUES (", "'x',", "(1),", "COPY t (a) FROM stdin;\n", "1\tab\n",
    "+---+\n", "''", "\u041aa", "\u041aa ",
    # round 11: ages at any value
    "7 yo ", "age: ", "7 years ", "M/7 ", "7\u6b73 ", "7 a\u00f1os ",
    # round 11: logins (ticket fields, comments, times, dotted, glued, keys), initials, CJK dates, places, key=value
    # and form-field dumps, plates, wristband ages, "SURNAME, GIVEN" cells, CDA ids
    "Assignee: ab.c ", "Comment (ab", "Comment (ab): ", "1:00 by ab ", "printed by ", "b. ab ", "b ", "1\u5e74",
    "1\u6708", "1\u5e741\u6708 ", "at Ab Therapy ", "Loc: Ab ", "Ab Drug #1 ", "Ab Parish ", "a.b", "a.b.", "ab.c.d ",
    "abcdefg ", "uid=ab ", "a=b ", "a=", "=", "FieldName: a FieldValue: b\n", "a.b=c\n", "plate ", "plate AB ", "1Y ",
    "AB, CD\n", '"Ab, Cd",', "AB CD, EF  ", "<id ", '<id extension="1', "1 2 2026 ", "Lic. OT 1234 ",
    "a=b c=d ", "\u029f\u1d00 ", "\u24c2a ",
    # round 13: long grouped numbers, rural county roads, facilities in capitals, ages after names, ISO date-times,
    # foreign month abbreviations, iCalendar escapes, names in capitals after kin words, fillers before introductions
    "1234 12 ", "1234 ", "W1 County Rd ", "county rd 1 ", "AB AB ADULT DAY ", "AB ", "Ab, 12, ", "Ab (12) ",
    "2026-11-19T", "02-ago-", "\\, ", "WIFE PATRICIA ", "hi um ", "\u0661",
    # round 17: verbs and ordinals that state an age, spaced units, dot leaders, merge slots, form revisions, no-reply
    # senders, dispatch codes, vanity numbers, practice end words, a Hangul word before a role
    "turned ", "i am 12 ", "her 12th ", "12th ", "(12 y", ", 12 mo", "AGE....", "{AbCd} ", "{Ab", "[AbCd] ",
    "<<ab_cd>> ", "rev. March ", "May 2026 ", "noreply at a dot ", "noreply@a.", "1-A-", "(915) 555-", "212-",
    "Ab Family Health ", "AB CD EMS ", "AB FIRE & ", "Ab PT & ", "\ubcf4\ud638\uc790 (",
]  # fmt: skip

# one run of blanks between words (a page of "&nbsp;"): a pattern tried at every blank and scanning to the run's end
BLANK_RUNS = [" ", "\t", "&nbsp;", "\n"]
