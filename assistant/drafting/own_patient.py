"""An appeal is for one patient: the parts of a note about other patients are not its record (hostile14 #1-#3).

    own_part(note, patient_name) -> (the note with other patients' parts blanked, a problem or "")

Two notes pasted together ("Patient: Harold Vick ... Patient: Nora Penn ...") are split at their patient fields;
the claim's patient's part is matched by the claim's patient's surname and the others are blanked (offsets kept),
so the check never adds one patient's minutes to another's and the letter never quotes or names another
beneficiary. A group note's roster lines naming other patients ("daughter of pt Frank Testa, MRN 555011") are
blanked the same way once the claim's patient has a line of their own, so their caregiver is the one read (the
patient's own name on that line is blanked too: the check takes "aide for pt Lou Kole" in a group as another
family's aide).
When the note names several patients and none is the claim's, the problem says so and no appeal is drafted.
"""

from __future__ import annotations

from assistant.notes.patients import patient_lines, patient_parts, surname_of

SEVERAL_PATIENTS = (
    "The note names {n} patients, and none is the claim's patient by name (or the claim names none): "
    "an appeal is drafted from the claim's patient's own note only. Attach that patient's note, or give "
    "the claim's patient name."
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


def own_part(note: str, patient_name: str | None) -> tuple[str, str]:
    """The note as this claim's patient's record, and why it cannot be told apart ("" when it can)."""
    own = surname_of(patient_name) if patient_name else None
    parts = patient_parts(note)
    named = len({surname for surname, _, _ in parts})
    # one patient named (however the claim spells them) is this claim's patient: nothing of it is blanked
    others = [(a, b) for surname, a, b in parts if surname != own] if named > 1 else []
    if named > 1 and len(others) == len(parts):
        return note, SEVERAL_PATIENTS.format(n=named)
    lines = patient_lines(note) if named <= 1 else []  # a roster's rows (the fields, when several, split above)
    if own is not None and any(line[0] == own for line in lines) and len({line[0] for line in lines}) > 1:
        # a line naming the claim's patient stays even when it names another too; in it, the patient's own name is
        # blanked: "paid aide for pt Lou Kole" in a group note is otherwise read as another family's aide
        ours = {(a, b) for surname, a, b, _ in lines if surname == own}
        others += [(a, b) for surname, a, b, _ in lines if surname != own and (a, b) not in ours]
        others += [name for surname, _, _, name in lines if surname == own]
    return (_blank(note, others) if others else note), ""
