"""Checks of documented time: total, clock times, minimum, and separation from other services."""

from __future__ import annotations

from bisect import bisect_left

from assistant.billing import minimum_minutes
from assistant.notes import sheet_rows
from assistant.notes.context import Context, Outcome
from assistant.notes.extract import planned_or_earlier
from assistant.notes.registry import check

MISMATCH_TOLERANCE = 2  # minutes; rounding on a clock face


def _stated_span(ctx: Context) -> list[tuple[int, int]]:
    return [ctx.ex.stated_total.span] if ctx.ex.stated_total else []


def _segment_spans(ctx: Context) -> list[tuple[int, int]]:
    return [s.span for s in ctx.ex.cts_segments]


@check
def total_time(ctx: Context) -> Outcome:
    derived, stated = ctx.derived_minutes, ctx.stated_minutes
    if derived is None and stated is None:
        if ctx.ex.times.implausible:  # "Total CTS time: 900 minutes": written, but no date holds that much training
            d = ctx.ex.times.implausible[0]
            return Outcome("unclear", f"A total of {d.minutes} minutes is written, more than one date's caregiver "
                           "training can hold: check the figure.", [d.span])
        return Outcome("missing", "No total CTS minutes are stated, and no clock times give them.")
    if derived is not None and stated is not None and abs(derived - stated) > MISMATCH_TOLERANCE:
        return Outcome(
            "problem",
            f"The stated total ({stated} min) disagrees with the clock times ({derived} min).",
            _stated_span(ctx) + _segment_spans(ctx),
        )
    total = stated if stated is not None else derived
    return Outcome("met", f"Total CTS time: {total} minutes.", _stated_span(ctx) + _segment_spans(ctx))


@check
def start_stop(ctx: Context) -> Outcome:
    if ctx.ex.times.reversed_segments and not ctx.ex.cts_segments:
        spans = [s.span for s in ctx.ex.times.reversed_segments]
        if all(s.start_minute == s.end_minute for s in ctx.ex.times.reversed_segments):
            return Outcome("problem", "The start and stop times are the same: no time lies between them.", spans)
        return Outcome("problem", "The stop time is before the start time.", spans)
    if ctx.ex.cts_segments:
        return Outcome("met", "Clock start and stop times are documented.", _segment_spans(ctx))
    return Outcome("missing", "No clock start and stop times are documented.")


@check
def minimum_time(ctx: Context) -> Outcome:
    if ctx.is_group:
        return Outcome("not_applicable", "Group caregiver training is untimed.")
    minimum = minimum_minutes(ctx.rule)
    total = ctx.total_minutes
    if total is None:
        return Outcome("missing", "No minutes are documented, so the minimum cannot be shown.")
    evidence = _stated_span(ctx) + _segment_spans(ctx)
    if total < minimum:
        return Outcome("problem", f"{total} minutes documented; at least {minimum} are needed for one unit.", evidence)
    return Outcome("met", f"{total} minutes documented; the minimum is {minimum}.", evidence)


def _another_date(ctx: Context, span: tuple[int, int]) -> bool:
    """A clock range its own line dates to another day than the session's ("Prior visit 10/14/2026 10:00-10:45",
    in an EHR export of the 10/21 note: hostile15 #21): not a same-day service. The date nearest before the range
    on its line says its day; a range with no date on its line is the session's."""
    if ctx.dos is None:
        return False
    dates = ctx.ex.memo.get("dates by start")
    if dates is None:  # sorted once per note: each range finds its date by bisection (linear overall)
        dates = ctx.ex.memo["dates by start"] = sorted((d.span[0], d.value) for d in ctx.ex.dates)
    i = bisect_left(dates, (span[0],)) - 1
    return i >= 0 and dates[i][0] >= ctx.ex.lines.bounds(span[0])[0] and dates[i][1] not in (ctx.dos, ctx.note_dos)


@check
def distinct_time(ctx: Context) -> Outcome:
    ex = ctx.ex
    other_codes = [
        c
        for c in ex.codes
        if c.code not in ctx.knowledge.training_codes and not c.negated and not planned_or_earlier(ex.text, *c.span)
    ]
    mentions = ex.other_service_spans + [c.span for c in other_codes]
    # a productivity export's row of another patient's visit is not this patient's same-day service
    mentions = [span for span in mentions if not sheet_rows.another_patients(ex.text, ex.lines, span[0])]
    # a same-day line on the claim is a same-day service even when the note does not name it
    billed_other = [line for line in ctx.billed or [] if line.code not in ctx.knowledge.training_codes]
    # a part with the patient present, with its own clock range, is kept apart like a same-day patient-present
    # service (docs/CONVENTIONS.md): its time is compared with the training's as that service's would be
    # ... and so is a clock range the time accounting gave to another service beside the training's own ("0800-0845
    # OT initial eval with pt", then "0900-0930 CTS"); a lone range it gave away is the training's, misread
    same_day = [o for o in ex.other_segments if not _another_date(ctx, o.span)]
    other_range = bool(same_day and ex.cts_segments)
    if not mentions and not billed_other and not ex.time.present and not other_range:
        return Outcome("not_applicable", "No same-day patient-present service is mentioned.")
    # a part of the visit with the patient present, kept apart from the training ("PART 1 -- PATIENT TREATMENT (pt
    # present), 8:00-8:45"), is where the same-day service's time is when no other range names it
    others = same_day or ex.time.present
    if not others or not ex.cts_segments:
        return Outcome(
            "unclear",
            "A same-day patient-present service is mentioned, but not both sets of clock times.",
            mentions[:2],
        )
    overlaps = [
        (o.span, c.span)
        for o in others
        for c in ex.cts_segments
        if o.start_minute < c.end_minute and c.start_minute < o.end_minute
    ]
    if overlaps:
        return Outcome(
            "problem",
            "The CTS clock times overlap the patient-present service.",
            [span for pair in overlaps for span in pair],
        )
    codes = sorted({c.code for c in other_codes} | {line.code for line in billed_other})
    named = f" ({', '.join(codes)})" if codes else ""
    return Outcome(
        "met",
        f"The CTS time is separate from the patient-present service{named}.",
        [s.span for s in others] + _segment_spans(ctx),
    )
