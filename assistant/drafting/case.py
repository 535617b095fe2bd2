"""One denial, parsed and decided: the note check, the pattern, the recommendation, the route and its deadline.

    build_case(deps, note, claim, denial, denial_text, dos) -> Case

The note is checked by the payer's time rule (a payer's written full-time rule makes the check
strict, `remedy.time_profile`); the payer's words are searched as data, with planted instructions
masked first. `appeal.draft_appeal` turns a Case into the result and the letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.drafting.claims import Claim
from assistant.drafting.deadlines import Deadline, deadline_for, payer_terms
from assistant.drafting.decision import ClaimFacts, Decision
from assistant.drafting.denial import (
    as_given,
    match_pattern,
    parse_denial,
    pattern_in_words,
    prior_level_in,
    with_earlier_denial,
)
from assistant.drafting.deps import DraftingDeps
from assistant.drafting.diagnoses import diagnosis_fix, diagnosis_mismatch
from assistant.drafting.duplicate import on_original
from assistant.drafting.entries import entry_codes
from assistant.drafting.gate import mask_injections, strip_injections
from assistant.drafting.good_cause import stated_cause
from assistant.drafting.history import History, paid_reason, read_history
from assistant.drafting.late import below_threshold, too_late
from assistant.drafting.lines import THERAPY_MODIFIERS, is_checked
from assistant.drafting.misdated_claim import Redated, keyed_on_wrong_date
from assistant.drafting.models import Denial, Reason, Route
from assistant.drafting.own_patient import own_part
from assistant.drafting.paste import (
    as_shown,
    fill_claim,
    own_claim,
    own_named_rows,
    read_paste,
    service_dates,
    with_paste,
)
from assistant.drafting.recommend import decide
from assistant.drafting.record import after_the_fact, record_text
from assistant.drafting.recoupment import recoupment_reason
from assistant.drafting.rejection import typed_rejection, without_rejected_date
from assistant.drafting.remedy import earlier_claim, pattern_remedy, says, time_profile
from assistant.drafting.route import (
    FROM_WORDS,
    another_payer_codes,
    choose_route,
    payer_type_of,
    reopened_when_late,
    unprocessable_codes,
)
from assistant.drafting.split_visit import split_visit, split_visit_reasons
from assistant.errors import DenialCodeError, ServiceDateMismatchError
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern, PayerType
from assistant.models import Profile, Report
from assistant.notes.patients import patient_parts, surname_of


@dataclass
class Case:
    """One denial as the use case sees it once the inputs are parsed and the note is checked."""

    note: str
    claim: Claim
    denial: Denial
    pattern: DenialPattern | None
    report: Report
    decision: Decision
    payer_type: str
    route: Route | None
    route_reason: str
    deadline: Deadline | None
    service_date: date | None
    warnings: list[str]
    #: The claim belongs to another payer (the pattern names whom to bill): the correction is a new claim to that payer.
    another_payer: bool = False
    #: A duplicate answered by reopening the original claim: its ICN as the file names it ("" when not named).
    original_claim: str | None = None


def _check(deps: DraftingDeps, record: str, claim: Claim, dos: date | None, profile: Profile) -> Report:
    """The note check on the record (planted instructions and after-the-fact entries blanked), the claim's CTS lines."""
    checked = [ln for ln in claim.billed_lines() if is_checked(deps.knowledge, ln.code)]
    return deps.check(record, dos=dos or claim.date_of_service, billed=checked or None, profile=profile)


def _redated(deps: DraftingDeps, record: str, claim: Claim, dos: date | None, profile: Profile,
             pattern: DenialPattern | None, report: Report) -> tuple[Claim, Report, Redated | None]:
    """A claim keyed with another day's date and denied for that date, redated to the note's session and checked on
    it (misdated_claim.py); else the claim and report as they were. A date given by the operator is kept."""
    redated = None if dos else keyed_on_wrong_date(claim, pattern, report.meta.note_dos)
    if redated is None:
        return claim, report, None
    return redated.claim, _check(deps, record, redated.claim, dos, profile), redated


def _late_entry_reasons(deps: DraftingDeps, text: str, claim: Claim, payer_text: str) -> list[Reason]:
    """One reason per addendum or late entry the record leaves out, saying why (domain facts §11)."""
    rule = deps.knowledge.appeals.late_entries
    out = []
    for entry in after_the_fact(deps.knowledge, text, claim.notice_date, payer_text):
        when = f" written {entry.written.strftime('%m/%d/%Y')}" if entry.written else ""
        out.append(Reason(
            text=f"The note's addendum{when} was {entry.why}: a note may not be changed to support a denied claim, "
            "so the decision rests on the note as it stood.",
            source_ids=list(rule.sources) if rule else [],
        ))
    return out


def misdated_lines(claim: Claim, session: date | None) -> tuple[tuple[str, date], ...]:
    """The claim's lines dated otherwise than the session, when the claim's other lines (or the claim itself) carry
    the session's date: a line's clerical date error, not a note for another session."""
    if session is None:
        return ()
    off = tuple((ln.code, ln.date_of_service) for ln in claim.lines if ln.date_of_service not in (None, session))
    on_session = claim.date_of_service == session or any(ln.date_of_service == session for ln in claim.lines)
    return off if on_session else ()  # type: ignore[return-value]  # the dates filtered are not None


def _reopened(kb: Knowledge, decision: Decision, claim: Claim, payer_text: str) -> list[Reason]:
    """An appeal after a reopening was already asked for (the claim's later decision, or the words say so) says that
    the reopening did not move its deadline (knowledge/appeals `reopening_words`)."""
    rules = kb.appeals
    asked = claim.later_decision_date is not None or says(payer_text, rules.reopening_words) is not None
    if decision.recommendation != "appeal" or not asked or not rules.reopening_said:
        return []
    return [Reason(text=rules.reopening_said, source_ids=list(rules.reopening_sources))]


def _deadline(deps: DraftingDeps, route: Route | None, claim: Claim, service_date: date | None,
              payer_text: str = "", another_payer: bool = False) -> Deadline | None:
    """The route's deadline. `another_payer`: the claim goes to the payer that pays first (an employer plan primary
    to Medicare), so a filing limit entered for a Medicare claim is that plan's, not Medicare's statutory 12 months."""
    if route is None:
        return None
    payer_type, _ = payer_type_of(deps.knowledge, claim, payer_text)
    payer_type = "other" if another_payer and payer_type == "medicare" else payer_type
    return deadline_for(
        deps.knowledge, route=route, today=deps.today(), notice_date=claim.notice_date, dos=service_date,
        payer_deadline=claim.payer_deadline, payer_terms=payer_terms(payer_text), payer_type=payer_type,
    )


def _when_due(kb: Knowledge, decision: Decision, deadline: Deadline, claim: Claim, appealed: bool,
              texts: tuple[str, ...], given: str = "") -> Decision | None:
    """What the filing limit and the amount in controversy change; None when nothing.

    Late without good cause (the claim's field, else a cause the payer's or the practice's words state): nothing to
    file once no window is left (after an appeal level has decided the claim, a reopening for any reason does not
    reopen the dispute on the merits). Late with a stated cause: the request is filed, saying why it is late.
    `given` is the reason the claim's own field gave: it is named by its kind, not repeated back.
    """
    cause = stated_cause(kb, *texts)
    heard = bool(claim.good_cause) or (cause is not None and cause.good)
    # a reopening already asked for and answered (a later decision that is no appeal level's) is the door the late
    # appeal's own text offers: it has been used, and its answer extends nothing
    reopened = claim.later_decision_date if decision.recommendation == "appeal" else None
    # a window still open only for good cause (a reopening after 1 year) is as closed as none when none is heard
    if deadline.overdue and (deadline.closed or deadline.good_cause_only or appealed or reopened) and not heard:
        shown = ""
        if cause is not None:
            on_claim = bool(given) and cause.sentence in " ".join(given.split())
            shown = f'given on the claim ("{cause.word}")' if on_claim else f'on file ("{cause.sentence}")'
        return too_late(decision, deadline, shown, reopened)
    if (worth := below_threshold(decision, deadline, claim.amount_in_dispute())) is not decision:
        return worth
    if deadline.overdue and decision.recommendation != "no_appeal" and (claim.good_cause or (cause and cause.good)):
        rule = kb.appeals.good_cause
        stated = (f"the file states \"{cause.sentence}\" ({cause.word})" if cause is not None and cause.good
                  else f"as given on the claim, \"{' '.join((claim.good_cause or '').split()).rstrip('.')}\"")
        text = (
            f"Good cause for filing late: {stated}, a circumstance outside the practice's control. File now, explain "
            "the delay in the request and enclose what shows it."
        )
        decision.reasons.insert(0, Reason(text=text, source_ids=list(rule.sources) if rule else []))
        return decision
    return None


def _nothing_to_file_either(deps: DraftingDeps, decision: Decision, claim: Claim, parsed: Denial, facts: ClaimFacts,
                            prior_level: str | None, service_date: date | None, texts: tuple[str, ...]) -> None:
    """A note that does not support the claim is said first; when the appeal it would otherwise take is also out of
    reach (its window closed without good cause, or the amount below the level's threshold), that is said too, so
    the biller sees every reason nothing is filed."""
    if decision.recommendation != "no_appeal" or not decision.blockers:
        return
    kb = deps.knowledge
    route, _ = choose_route(kb, recommendation="appeal", payer_type=facts.payer_type, denial=parsed,
                            prior_level=prior_level)
    deadline = _deadline(deps, route, claim, service_date, facts.payer_text)
    if deadline is None:
        return
    given = claim.good_cause or ""
    if deadline.overdue:
        claim, texts, _ = _good_cause(kb, claim, texts)
    probe = _when_due(kb, Decision("appeal"), deadline, claim, facts.appealed, texts, given)
    if probe is None and deadline.overdue and not claim.good_cause:
        # late with no good cause on file but a reopening still open: the appeal's limit has passed all the same
        # (a reopening does not extend it), and a reopening cannot add what the note lacks
        probe = too_late(decision, deadline)
    if probe is not None and probe.recommendation == "no_appeal":
        # the window is said, not the practice's excuse: the note's failure already decides
        late = too_late(probe, deadline) if deadline.overdue else probe
        decision.reasons += late.reasons[:1]


def _good_cause(kb: Knowledge, claim: Claim, texts: tuple[str, ...]) -> tuple[Claim, tuple[str, ...], list[str]]:
    """The good cause a late request will state. One given on the claim that is the practice's own matter (an office
    move, staff turnover) is no good cause: it is dropped, with a warning, and weighed like any other stated reason.
    A good cause the payer's or the practice's words state fills an empty field, so the letter carries it."""
    if claim.good_cause:
        given = stated_cause(kb, claim.good_cause)
        if given is None or given.good:
            return claim, texts, []
        warn = (f"the good cause given ({given.word}) is the practice's own matter, which is not good cause for filing "
                "late (42 CFR 405.942(b)); it is left out of the request")
        return claim.model_copy(update={"good_cause": None}), (claim.good_cause, *texts), [warn]
    found = stated_cause(kb, *texts)
    if found is not None and found.good:
        return claim.model_copy(update={"good_cause": found.sentence}), texts, []
    return claim, texts, []


def _codes_on_file(kb: Knowledge, claim: Claim, denial_text: str | None) -> tuple[Denial, list[str]] | None:
    """No code given with the denial: the codes the file's own entry for this claim gives (a work-queue note that
    lists two claims gives this claim's on the lines that name it); else a remittance or EOB pasted as the file, read
    as the denial itself; None when neither gives a code that parses."""
    codes = entry_codes(denial_text or "", claim, kb.training_codes)
    try:
        if codes:
            parsed, warnings = parse_denial(codes, kb.reason_codes, denial_text)
            return parsed, [*warnings, f"no denial codes were given: {codes} read from the file's entry for this claim"]
        if denial_text and read_paste(denial_text) is not None:
            return parse_denial(denial_text, kb.reason_codes, None)
    except DenialCodeError:
        pass  # a paste with no adjustment code, codes of two groups: the words may still name a reason
    return None


def _parsed_denial(kb: Knowledge, claim: Claim, denial: str, denial_text: str | None) -> tuple[Denial, list[str]]:
    """The denial's codes: as given, else the claim's; a decision typed without codes ("Redetermination unfavorable
    09/08/2026: 'diagnosis not on covered list'") is read with the claim's codes, its words as the payer's note.
    A decided appeal level, or a reason a denial pattern knows, that names no code anywhere is read from its words and
    the claim alone, never refused."""
    if (rejected := typed_rejection(denial, denial_text)) is not None:
        note = f"{rejected.label} is a front-end rejection, not a denial: the claim was never adjudicated"
        return Denial(raw=denial.strip()[:200], carcs=[], text=denial_text, rejection=rejected), [note]
    try:
        if not (denial or claim.denial_codes) and denial_text:
            # no codes typed: this claim's own entry in a file of several (a work queue, an 835 with several claims)
            # carries them, else a remittance pasted as the payer's words
            read = _codes_on_file(kb, claim, denial_text)
            if read is not None:
                return read
        return parse_denial(denial or claim.denial_codes or "", kb.reason_codes, denial_text)
    except DenialCodeError:
        words = " ".join(t for t in (denial_text, denial) if t)
        if denial and claim.denial_codes:
            return parse_denial(claim.denial_codes, kb.reason_codes, words)
        if not denial.strip() and (read := _codes_on_file(kb, claim, denial_text)) is not None:
            return read
        worded = Denial(raw=denial.strip()[:200], carcs=[], text=words)
        # a denial given without codes whose words state a reason a pattern knows ("units billed exceed time
        # documented") is read from those words, like a decided level
        if not prior_level_in(denial) and not (denial and prior_level_in(denial_text)) \
                and pattern_in_words(worded, kb.denial_patterns) is None:
            raise
    note = ("the denial names no CARC/RARC: it is read from its words and the claim; "
            "add the codes from the remittance advice if the file has them")
    return worded, [note]


def _pasted_dates(payer_text: str | None, denial: str) -> list[date]:
    """The dates of service the payer's words state, and the pasted denial's (a typed code list states none)."""
    pasted = service_dates(denial) if read_paste(denial) is not None else []
    return list(dict.fromkeys([*service_dates(payer_text or ""), *pasted]))


# checks whose verdict turns on the date of service the note is checked on
DATE_BOUND = frozenset({"date_of_service", "consent", "telehealth", "diagnosis_codes"})


def _stands_apart(
    decision: Decision, pattern: DenialPattern | None, payer_type: str, payer_text: str, *, dated_elsewhere: bool
) -> bool:
    """The answer holds whatever the date: a denial that stands whatever the note says (timely filing, hospice) or a
    note that fails a blocking rule besides its date. Any other answer rests on the note's session. A claim dated
    for another day than the note's had the note checked on that day (codes not yet in force, verbal consent not
    yet accepted, telehealth rules, diagnosis codes): those blockers are the date's doing, and only the others (the
    patient present, a paid caregiver) still hold."""
    if decision.recommendation != "no_appeal":
        return False
    stands = pattern_remedy(pattern, payer_type, payer_text, ()).remedy == "no_appeal"
    bound = DATE_BOUND if dated_elsewhere else frozenset({"date_of_service"})
    return stands or any(c.id not in bound for c in decision.blockers)


def same_service_date(given: date | None, pasted: list[date], note_dos: date | None) -> None:
    """Stop when the denied service's date is not the note's: an operator mismatch, never a decision on the claim.

    A claim (or `--dos`) dated otherwise than the note means the wrong note is attached or the claim carries a
    clerical date error; a pasted denial or decision for services on another date is about another session. Either
    way nothing is appealed, corrected or abandoned until the note for that date is attached.
    """
    if note_dos is None:
        return
    if given is not None and given != note_dos:
        raise ServiceDateMismatchError(
            f"the claim's date of service ({given.isoformat()}) is not the note's date ({note_dos.isoformat()}): "
            "nothing is decided on a note for another session",
            hint=f"attach the note for {given.isoformat()}; if the claim's date is a clerical error (the session "
                 f"was on {note_dos.isoformat()}), correct the claim's date (for Medicare a clerical-error "
                 "reopening) and draft again with the corrected claim",
        )
    if given is None and pasted and note_dos not in pasted:
        said = ", ".join(d.isoformat() for d in pasted)
        raise ServiceDateMismatchError(
            f"the pasted denial is for services on {said}; the note is dated {note_dos.isoformat()}",
            hint=f"attach the note for {said}: a letter for that service cannot be drafted from another date's note",
        )


# A CO-16 line billed with one of these and no therapy modifier: the fault the claim shows is the modifier.
_MODIFIER_CODES = ("97550", "97551", "97552")


def _fault_on_claim(kb: Knowledge, pattern: DenialPattern | None, claim: Claim, denial: Denial) -> DenialPattern | None:
    """CO-16 (with MA130) names no fault (claim_lacks_information). A claim whose 97550-97552 line carries no therapy
    modifier shows it: the modifier pattern. A claim that carries one is never told so (hostile15 #8)."""
    if pattern is None or pattern.id != "claim_lacks_information" or "missing_therapy_modifier" not in \
            kb.denial_patterns:
        return pattern
    bare = [ln for ln in claim.lines if ln.code in _MODIFIER_CODES and not set(ln.modifiers) & set(THERAPY_MODIFIERS)]
    return as_given(kb.denial_patterns["missing_therapy_modifier"], denial) if bare else pattern


def _read_denial(
    kb: Knowledge, claim: Claim, denial: str, denial_text: str | None
) -> tuple[Denial, Claim, DenialPattern | None, list[str]]:
    """The denial as given (codes, words, a pasted remittance or letter), the claim filled from a paste, the
    denial's pattern, and what to warn of."""
    parsed, warnings = _parsed_denial(kb, claim, denial, denial_text)
    parsed = with_paste(parsed, denial, denial_text)  # a pasted remittance or letter: its lines, level and date
    claim, filled = fill_claim(claim, parsed)
    # a 277CA that rejected the claim's date of service: the new claim carries the note's date
    claim, redated = without_rejected_date(claim, parsed.rejection, parsed.text or "")
    warnings += filled + redated
    if parsed.text:  # the payer's words are data: a planted instruction is neither obeyed nor echoed back
        parsed = parsed.model_copy(update={"text": strip_injections(parsed.text).strip()})
    pattern = match_pattern(parsed, kb.denial_patterns) or pattern_in_words(parsed, kb.denial_patterns)
    pattern = _fault_on_claim(kb, with_earlier_denial(pattern, parsed, kb.denial_patterns), claim, parsed)
    if pattern is None:
        warnings.append(f"no denial pattern in the knowledge base matches {parsed.label}; a generic argument is used")
    if claim.later_decision_date is not None:
        warnings.append(f"the decision of {claim.later_decision_date.isoformat()} is not an appeal level's (a "
                        "reopening answered or dismissed): it has no appeal rights of its own and the deadlines count "
                        "from the notice date")
    return parsed, claim, pattern, warnings


def _as_history(whole_file: str, claim: Claim, pattern: DenialPattern | None, payer_text: str,
                decision: Decision) -> tuple[History, Decision]:
    """The file read as history: a service paid on another claim (a reversal's correction, a duplicate's original)
    has nothing to file whatever the note says; a duplicate's earlier claim gives the date its correction counts
    from."""
    earlier = earlier_claim(pattern, payer_text) if pattern is not None else None
    duplicate = pattern is not None and bool(pattern.earlier_claim_words)
    history = read_history(whole_file, claim, earlier, duplicate=duplicate)
    if history.paid_claim is not None:
        decision = Decision("no_appeal", [Reason(text=paid_reason(history))], advisory=decision.advisory)
    return history, decision


def _more_reasons(deps: DraftingDeps, decision: Decision, pattern: DenialPattern | None, claim: Claim, text: str,
                  payer_text: str, payer_type: str, whole_file: str = "",
                  pasted: tuple[str, date | None] = ("", None)) -> History | None:
    """Adds what the file shows beyond the denial (a late entry, a reopening asked, a visit split over two claims, a
    recoupment) to the decision's reasons; returns the split visit's other claim, whose remittance starts the window.
    `pasted`: the denial box's whole paste and its own date (a demand letter pasted as the denial, hostile15 #5)."""
    kb = deps.knowledge
    decision.reasons += _late_entry_reasons(deps, text, claim, payer_text)
    decision.reasons += _reopened(kb, decision, claim, payer_text)
    # the split visit's primary was paid on the other claim: its rows, which this claim's reading leaves out
    split = split_visit(kb, pattern, claim, whole_file or payer_text, decision.recommendation)
    decision.reasons += split_visit_reasons(pattern, split)
    # a demand letter pasted as the denial is the payer's words too (hostile15 #5: its 30 days were never said)
    # and its date is the demand's, which the 30 days count from (the claim may carry the remittance's)
    words, dated = pasted
    decision.reasons += recoupment_reason(kb, decision.recommendation, payer_type, f"{payer_text}\n{words}",
                                          dated or claim.notice_date)
    return split


def _unclear(report: Report, pattern: DenialPattern | None) -> list[str]:
    """A warning per check the note leaves unclear that the decision rests on."""
    return [
        f"the note is unclear on {c.id}; review it before sending anything"
        for c in report.checks
        if c.status == "unclear" and (pattern is None or c.id in pattern.blocking_checks)
    ]


def _two_patients(report: Report) -> list[str]:
    n = report.meta.patients_named
    return [f"the note names {n} patients: attach this claim's patient's note only (the check read them as one "
            "session)"] if n > 1 else []


def _keyed_by_note(claim: Claim, note: str) -> Claim:
    """With no patient on the claim, the note's one patient chooses the rows of a file that lists several claims
    (an AR log of two patients gave the other patient's codes, hostile15 #6); the claim as it was otherwise."""
    if claim.patient_name is not None:
        return claim
    surnames = {surname for surname, _, _ in patient_parts(note)}
    return claim.model_copy(update={"patient_name": surnames.pop().title()}) if len(surnames) == 1 else claim


def _own_codes(claim: Claim, text: str) -> str:
    """A file of several claims, read for this claim's part only: a remittance by the claim's number, ICN or member
    id; a work log that names its claims by patient, by the patient's surname (hostile14 #7)."""
    text = own_claim(text, claim.identifiers)
    return own_named_rows(text, surname_of(claim.patient_name) if claim.patient_name else None)


def _payer_read(
    kb: Knowledge, claim: Claim, denial: str, denial_text: str | None
) -> tuple[Claim, PayerType, list[str]]:
    """The payer type, from the claim or else from the payer's words: the denial's own words too, since a notice
    pasted as the denial names its plan ("AETNA MEDICARE ADVANTAGE ... 65 days", hostile15 #2). A type read from the
    words is set on the claim, so the route and the deadline count the plan's window, not Part B's."""
    payer_type, basis = payer_type_of(kb, claim, "\n".join(t for t in (denial_text, denial) if t))
    if claim.payer_type:
        return claim, payer_type, []
    if claim.payer is None and basis == FROM_WORDS:
        claim = claim.model_copy(update={"payer_type": payer_type})
    return claim, payer_type, [f"payer type: {basis}"]


def build_case(
    deps: DraftingDeps, text: str, claim: Claim, denial: str, denial_text: str | None, dos: date | None
) -> Case:
    kb = deps.knowledge
    text, mixed = own_part(text, claim.patient_name)  # a note of several patients: this claim's patient's part
    denial, denial_text = as_shown(denial) or "", as_shown(denial_text)  # a portal's HTML, as shown
    whole_file = mask_injections(denial_text or "")  # read whole for history: the paid claim is another claim's part
    pasted = (mask_injections(denial), paste.notice_date if (paste := read_paste(denial)) is not None else None)
    keyed = _keyed_by_note(claim, text)
    denial, denial_text = _own_codes(keyed, denial), _own_codes(keyed, denial_text) if denial_text else denial_text
    parsed, claim, pattern, warnings = _read_denial(kb, keyed, denial, denial_text)
    if keyed is not claim and claim.patient_name is not None:  # the name only chose the file's rows
        claim = claim.model_copy(update={"patient_name": None})
    claim, payer_type, said = _payer_read(kb, claim, denial, denial_text)
    warnings += said
    payer_text = mask_injections(parsed.text or "")
    profile, rule_words = time_profile(kb, payer_type, payer_text)
    if rule_words:
        warnings.append(f"the payer's words ({rule_words!r}) state a full-time rule: minutes are counted in full units")
    record = record_text(kb, text, claim.notice_date, payer_text)
    report = _check(deps, record, claim, dos, profile)
    claim, report, redated = _redated(deps, record, claim, dos, profile, pattern, report)
    warnings += ([redated.warning()] if redated else []) + _two_patients(report)
    on = dos or claim.date_of_service or report.meta.dos
    denied = frozenset(line.code for line in claim.lines if line.denied)
    dx = diagnosis_fix(kb, record, claim.diagnosis_codes, on)
    if dx is None and pattern is not None and pattern.id == "diagnosis_inconsistent":
        dx = diagnosis_mismatch(kb, record, claim.diagnosis_codes, on)
    prior_level = claim.prior_level or prior_level_in(parsed.text)
    appealed = prior_level not in (None, "initial")
    unprocessed = bool(unprocessable_codes(kb, parsed))
    session = dos or claim.date_of_service or report.meta.note_dos
    facts = ClaimFacts(payer_type, dx, denied, payer_text, report.billing.rule, appealed, unprocessed,
                       redated.misdated() if redated else misdated_lines(claim, session), session)
    answered = None if redated else pattern  # a redated claim is decided on the note alone
    decision = Decision("no_appeal", [Reason(text=mixed)]) if mixed else decide(  # nothing argued from a mixed note
        kb, report, answered, claim.billed_lines(), record, facts)  # quoted from the record the check read
    history, decision = _as_history(whole_file, claim, answered, payer_text, decision)
    given = dos or claim.date_of_service
    elsewhere = None not in (given, report.meta.note_dos) and given != report.meta.note_dos
    if not redated and not _stands_apart(decision, pattern, payer_type, payer_text, dated_elsewhere=elsewhere):
        same_service_date(given, _pasted_dates(parsed.text, denial), report.meta.note_dos)
    split = _more_reasons(deps, decision, pattern, claim, text, payer_text, payer_type, whole_file, pasted)
    elsewhere = decision.recommendation == "corrected_claim" and (
        bool(another_payer_codes(kb, parsed)) or (pattern is not None and bool(pattern.responsible_payer_words)))
    route, why = choose_route(kb, recommendation=decision.recommendation, payer_type=payer_type, denial=parsed,
                              prior_level=prior_level, another_payer=elsewhere)
    if route is None and decision.reasons:  # say why in the decision's own words, not a generic line
        why = decision.reasons[0].text
    if redated is not None and decision.recommendation == "corrected_claim":
        route, why, elsewhere = "new_claim", redated.why(), False
    service_date = dos or claim.date_of_service or report.meta.dos
    # a duplicate (or a split visit) is answered on the earlier claim: its window counts from that claim's remittance
    notice = history.earlier_notice or (split.earlier_notice if split is not None else None)
    counted = claim.model_copy(update={"notice_date": notice}) if notice else claim
    deadline = _deadline(deps, route, counted, service_date, payer_text, another_payer=elsewhere)
    deadline, why, original = on_original(pattern, payer_text, payer_type, decision.recommendation, route,
                                          (deadline, why, notice), claim)
    if (reopened := reopened_when_late(kb, route, payer_type, parsed,
                                       lambda r: _deadline(deps, r, claim, service_date, payer_text)))[0] != route:
        route, deadline, why = reopened[0], reopened[1], kb.appeals.route("clerical_reopening").use_when
    texts, given = (payer_text, record), claim.good_cause or ""
    if deadline is not None and deadline.overdue:
        claim, texts, notes = _good_cause(kb, claim, texts)
        warnings += notes
    if deadline is not None and (filed := _when_due(kb, decision, deadline, claim, appealed, texts, given)):
        decision = filed
        if decision.recommendation == "no_appeal":
            route, why = None, decision.reasons[0].text
    _nothing_to_file_either(deps, decision, claim, parsed, facts, prior_level, service_date, texts)
    warnings += _unclear(report, pattern)
    return Case(
        text, claim, parsed, pattern, report, decision, payer_type, route, why,
        deadline, service_date, warnings, elsewhere, original,
    )
