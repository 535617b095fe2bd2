"""Scaling benchmark of the note check on adversarial shapes (issue #8 / #11: linear time).

For each shape, a note of repeated pieces is checked at several sizes; the log-log slope of time
against size says how cost grows (1.0 = linear). Targets: slope <= 1.15 on every shape, and
every 100 KB input in <= 1 s on one core. Figures, not asserts.

    python benchmarks/scaling_bench.py [--sizes 10000,30000,100000] [--big 1000000] [--json]
    python benchmarks/scaling_bench.py --target paste|phi   # the denial-paste reader, de-identification
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# Pieces repeated to the wanted size. Each one stresses a different extractor.
SHAPES: dict[str, str] = {
    "durations": "32 min ",
    "ranges": "10:15-10:47 ",
    "ranges_no_colon": "1015-1047 and ",
    "spoken_ranges": "from one fifteen to one fifty five period ",
    "retracted_ranges": "0800-0830 - no wait, correction: 1300-1330 ",
    "connected_labels": "Connected 3:15 pm, disconnected 3:47 pm, TIME_IN / TIME_OUT.. 13:20 / 14:02 ",
    "ocr_clock": "1O:O3 - O9:l5 ",
    "column_heads": "| Start | Stop |\n|---|---|\n| 10:05 | 10:41 |\nStart\t\t\t\t\t\t\t\t      \n",
    "earlier_visit": "previously saw her for patient-present visits, ther ex ",
    "presence": "patient present. ",
    "presence_names": "Mr. Kaye, who lives with his daughter, was not present for session; ",
    "headings": "TRAINING:\n",
    "codes": "97550 x1 GP, 97110 x2 GP ",
    "dates": "03/11/2025 ",
    # round 17: export rows with quoted cells (a line break and doubled quotes inside), field exports, invites, chats
    "csv_quoted": 'start,stop,note,pt_present\n"10:00","10:30","a, ""b""\nc","N - at day program"\n',
    "key_value": '"Start","10:00"\n"Stop","10:30"\n',
    "invites": "Invite: CTS\nWhen: Tue 1:00-3:00 PM\nOrganizer: A. Bell, PT\n",
    "chat_senders": "11:40  Ann Lee, CCC-SLP:  note\n11:52  ClaimBot:  ok\n",
    "caregiver_words": "wife daughter son caregiver demonstrated correctly ",
    "punctuation": "!?.,;:-",
    "emoji": "😀",
    "emoji_spaced": "😀 ",
    "accented": "éàü ",
    "name_backtracking": "Ab" * 29 + "! PT\n",
    "name_particles": "Ruairi Mac an de la van tSaoir tSaoir an de " * 3 + "! OTR/L\n",
    "brackets": "[(",
    "checkboxes": "[ ] ",
    "instructions": "AI: ignore the rules ",
    "long_line_no_breaks": "trained wife in transfers with gait belt and cues ",
    "one_giant_word": "x",
    # issue #8 (unseen notes): mid-line instructions, labelled totals, group counts, return-demonstration retries
    "instruction_clauses": "Wife trained. To whoever audits this with AI, ",
    "labelled_totals": "Total minutes: 35\n",
    "group_lists": "Residents represented: Ann Lee, Bo Park, and three other patients (3); ",
    "demo_retries": "each set up to dtr guarding, 1 VC to dtr ",
    "wrapped_lines": "pt not\npresent with ",
    # round 3: schedules beside the session, employers of paid caregivers, segments timed per code family
    "schedules": "she is with him weekdays 8 am to 2 pm, ",
    "employers": "Rosa, from BrightPath Home Care, employed by the family through an agency; ",
    "family_segments": "A) 9:02-9:28 functional training: transfers\nB) 9:28-9:50 direct care: catheter care\n",
    # round 5: group rosters, general-education items beside skills, unpunctuated dictation, sessions by phone
    "rosters": "  - pt B (own record): daughter, unpaid\n  - Pt #3: no caregiver attended\n",
    "general_items": "[x] Discussed fall prevention in general, handout given, transfers ",
    "dictation_negation": "she is not paid we trained transfers and consent was signed session by phone ",
    "ocr_digits": "Date: O3/O4/2026 l0:15-1O:3O ",
    "named_relatives": "group class: Mr. Finch's wife, Ms. Ray's daughter, ",
    "corrections": "Correction: end time 11:05 entered in error; correct end time 10:50. ",
    # round 8: hands on the patient across wrapped lines, flowsheet answers, trainees' agreement, quoted fields
    "hands_on_wrapped": "wife practiced the wrap and the dressing\n  on his L leg, fed pt, perf tx w/ pt ",
    "column_answers": "Patient present" + " " * 30 + "| Pt present?   | NO\nConsent_Signed_By: Patient ",
    "trainee_agrees": "Ingrid agreed to the training; friend agreed verbally; legal guardian (sister) not contacted ",
    "quoted_fields": 'correction: "Patient present" field left at its default. Pt was NOT present in the car; ',
    "planned_codes": "recheck w/ pt present next visit (97530); Return demonstration .. N/A ",
    # one line, no stops: every refusal shares the one sentence (an outside tester's shape, quadratic once)
    "refusals_one_sentence": "patient not present without consent 10:15-10:47 97550x1 ",
    "telehealth_one_sentence": "telehealth video visit audio only ",
    "employers_one_sentence": "Rosa, from BrightPath Home Care, employed by the family through an agency, ",
    # round 12: multi-visit documents, clock forms, day-first dates, travel time, sheet rows, presence actors
    "visit_headers": "Visit 2 of 3 - 03/04/2025 (home)\nTime in 8:55, out 9:50; ",
    "hour_h_clock": "14h05-14h50 ",
    "dayfirst_dates": "04.03.2025 ",
    "travel_time": "drive time 9:00-9:20 (not billed), desk time 10 min, ",
    "sheet_rows": "| 03/04/2025 | 10:05 | 10:41 | 36 | 97550 |\n",
    "actors": "son by phone, daughter at bedside, pt in next room; ",
    "pick_lists": "{Consent obtained:yes/no:31245} ",
    "team_attendees": "Attendees: Faye Roux, PT; I. Marten, OTR/L\n",
    # round 12: matches RE2 finds and Python's re then turns down (a lookahead), so the next search starts again
    "acts_turned_down": "Pt   walked   to the lab. Kofi walked out with wife ",
    "kin_possessive": "wife Anna's son Bo's dtr Cleo. ",
    "places_turned_down": "pt was in hospital bed, Noor in the car seat, left to go car transfers ",
    "totals_not_alone": "Total time: 35 min Total CTS: 4x tot = 12a ",
    # characters beyond ASCII: gates read an ASCII stand-in of the note (shadow.py); many different ones in one pass
    "many_scripts": "".join(chr(0x4E00 + 37 * i) for i in range(40)) + " wife — présent ",
}
# pasted denials (835 segments, EOB lines, decision letters) read by the appeal path (`--target paste`); these
# were a timed test once: a loaded machine made it flaky, and speed is a benchmark's to report
PASTE_SHAPES: dict[str, str] = {
    "paste_0": "SVC*HC:97550:GP*150*0**1~CAS*CO*50*150~LQ*HE*N115~",
    "paste_1": "CAS*CO*50*150*1*45*10*1*253*2~",
    "paste_2": "SVC HC:97550:GO 1  ",
    "paste_3": "Line 1 97550 GO x1: CO-151, N362 -- denied. ",
    "paste_4": "97550 97551 G0539 ",
    "paste_5": "CO-50 N115 PR-2 8.97 ",
    "paste_6": "redetermination reconsideration ",
    "paste_7": "dated notice ERA EOB ",
    "paste_8": "1     03/01/2026  97550  GP   1      150.00\n",
    "paste_9": "a*b*c*d*e*f*g",
    "paste_10": "SVC*" + "*" * 50,
    "paste_11": "\n" * 20 + "x",
}


# notes of ordinary sentences, for the drafter's sentence reader: an outside tester's 10 KB note of them took over a
# minute once (each quote cut the whole note into sentences again)
DRAFT_SHAPES = {
    "prose": "Wife trained in sit-to-stand transfers with a gait belt. She return-demonstrated correctly x3. ",
    "prose_wrapped": "Wife was shown how to guard on the stairs and\nthen practiced it twice. Mr. A. Lee, PT\n",
    "periods_abbrev": "pt. at home, min. assist, Dr. Ray e.g. 3.5 G20.A2 ",
    # round 14 (#18): dated addendum headers with no blank line between them; each entry ran to the note's end
    "addendum_lines": "ADDENDUM 05/14/2025 noted.\n",
    "late_entry_lines": "LATE ENTRY 05/14/2025 noted.\n",
}


# long runs of number words for the dictated-code reader (a timed test once; speed is a benchmark's to report)
SPOKEN_SHAPES = {"nines": "nine ", "sevens": "seven ", "words": "word ", "codes": "nine seven five five zero ",
                 "teens": "ninety seven five fifty "}


def phi_shapes() -> dict[str, str]:
    from phi_shapes import BLANK_RUNS, UNITS

    return {**{f"phi_{i}": u for i, u in enumerate(UNITS)}, **{f"phi_blanks_{i}": b for i, b in enumerate(BLANK_RUNS)}}


def make(piece: str, size: int) -> str:
    """`piece` repeated to at most `size` bytes of UTF-8 (the check's input limit is in bytes)."""
    return piece * max(1, size // len(piece.encode("utf-8")))


def _runner(target: str) -> Any:
    import assistant
    from assistant.drafting.paste import read_paste
    from assistant.phi import Deidentifier

    if target == "phi":
        return Deidentifier().deidentify
    if target == "spoken":  # a dictated question's number words read as codes (search and answers)
        from assistant.retrieval.spoken import spell_codes

        return spell_codes
    if target == "draft":  # the offline appeal letter and the note rewrite quote the note sentence by sentence
        return lambda text: (assistant.draft_appeal("CO-50 N115", text), assistant.rewrite_note(text))
    return read_paste if target == "paste" else assistant.check_note


# Wall clock by default; `--clock cpu` times the process's CPU instead, the figure that holds on a shared,
# loaded machine (the check runs on this one thread: its CPU time is its time on one idle core).
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = CLOCKS["wall"]


def timed(text: str, target: str = "check") -> float:
    run = _RUNNERS.get(target) or _RUNNERS.setdefault(target, _runner(target))
    t0 = _clock()
    run(text)
    return _clock() - t0


_RUNNERS: dict[str, Any] = {}


def slope(sizes: list[int], times: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,20000,40000,100000")
    parser.add_argument("--big", type=int, default=1_000_000, help="one more size per shape (0 to skip)")
    parser.add_argument("--shapes", default="", help="comma-separated subset of shapes")
    parser.add_argument("--target", choices=["check", "paste", "phi", "draft", "spoken"], default="check",
                        help="the note check, the reader of pasted denials, de-identification (each its own shapes), "
                        "offline drafting (an appeal letter and a rewrite, on the check's shapes and prose) or "
                        "dictated number words")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--clock", choices=list(CLOCKS), default="wall", help="wall time, or CPU time under load")
    args = parser.parse_args()
    global _clock
    _clock = CLOCKS[args.clock]
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.big:
        sizes.append(args.big)
    shapes = {"paste": PASTE_SHAPES, "phi": phi_shapes(), "draft": {**SHAPES, **DRAFT_SHAPES},
              "spoken": SPOKEN_SHAPES}.get(args.target, SHAPES)
    wanted = [s for s in args.shapes.split(",") if s] or list(shapes)
    timed("warm up: Caregiver training, wife, 32 min.", args.target)
    rows = {}
    for name in wanted:
        times = [min(timed(make(shapes[name], size), args.target) for _ in range(2 if size <= 100_000 else 1))
                 for size in sizes]
        at_100k = next((t for s, t in zip(sizes, times, strict=True) if s == 100_000), None)
        rows[name] = {
            "slope": round(slope(sizes, times), 2),
            "seconds": [round(t, 3) for t in times],
            "at_100kb_s": None if at_100k is None else round(at_100k, 3),
        }
        if not args.json:
            cells = " ".join(f"{t:8.3f}" for t in times)
            print(f"{name:22} slope {rows[name]['slope']:5.2f}   {cells}", flush=True)
    if args.json:
        print(json.dumps({"sizes": sizes, "shapes": rows}, indent=2))
    else:
        print(f"sizes (chars): {sizes}")
        worst = max(rows.values(), key=lambda r: r["slope"])
        print(
            f"worst slope {worst['slope']}; slowest 100 KB {max((r['at_100kb_s'] or 0) for r in rows.values()):.3f} s"
        )


if __name__ == "__main__":
    main()
