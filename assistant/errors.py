"""One exception tree for the whole assistant.

Business code raises these; only the edges (``cli`` and ``api``) translate them into exit
codes or HTTP problem responses. Messages never contain note text: they say what is wrong
and how to fix it.

    AssistantError
    ├── InputError                 bad input from a caller (CLI exit 2, HTTP 4xx)
    │   ├── EmptyNoteError         nothing to check
    │   ├── NotTextError           binary or undecodable input
    │   ├── NoteTooLargeError      over the configured size limit (HTTP 413)
    │   ├── InvalidDateError       unparsable date, or outside the supported window
    │   ├── UnknownProfileError    payer profile not in the rule pack
    │   ├── BilledLineError        malformed or unknown billed code / units / modifier
    │   ├── DenialCodeError        malformed CARC/RARC input
    │   ├── UnknownRouteError      an appeal route the knowledge base does not describe
    │   ├── ClaimError             malformed claim document
    │   ├── UnknownCodeError       a code the knowledge base does not describe (HTTP 404)
    │   ├── CodeNotInEffectError   a code or fee period not in force on the date asked
    │   │   └── DosOutsideFeeTablesError  (DosBeyondFeeTablesError) a DOS outside the fee tables
    │   ├── RemittanceError        an 835 file that cannot be read (names the segment position)
    │   ├── ItemNotFoundError      no worklist item with that id for this practice (HTTP 404)
    │   └── TransitionError        a worklist status change the state machine forbids (HTTP 409)
    │       └── ConcurrentChangeError  another biller changed the item first; nothing saved (HTTP 409)
    ├── KnowledgeError             a knowledge file failed validation (names file and id)
    ├── IndexError_                the retrieval index cannot be built or opened
    ├── StorageError               the worklist database cannot be opened or migrated (HTTP 503)
    ├── BackendError               the language-model backend failed (timeout, HTTP error,
    │   │                          nonsense); callers fall back to the offline drafter
    │   ├── BackendRefusedError    the egress policy forbids sending text to this endpoint
    │   ├── BackendDeadlineError   the overall deadline of a model call (retries included) ran out
    │   └── BackendBusyError       too many model calls in flight; answered offline at once
    └── GroundingError             a draft failed the grounding gate
"""

from __future__ import annotations

import re

# a quoted value: an apostrophe inside a word ("the claim's date", "O'Brien") neither opens nor closes one
_QUOTED = re.compile(r"(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w)){0,400}'(?!\w)|\"[^\"\n]{0,400}\"")
WITHHELD = "(value withheld)"


def withheld(message: str) -> str:
    """An error message with every quoted value taken out (messages quote the offending input, which can be a
    patient's name typed in the wrong field): the API and the CLI both say only what was wrong, never the value."""
    return _QUOTED.sub(WITHHELD, message)


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""

    code = "assistant_error"
    http_status = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (worker pools); keep the hint, which `args` does not hold.
        return _rebuild, (type(self), self.message, self.hint)


def _rebuild(cls: type[AssistantError], message: str, hint: str | None) -> AssistantError:
    return cls(message, hint=hint)


class InputError(AssistantError):
    code = "bad_input"
    http_status = 422


class UnknownRouteError(InputError):
    """An appeal route the knowledge base does not describe."""

    code = "unknown_route"


class EmptyNoteError(InputError):
    code = "empty_note"


class NotTextError(InputError):
    code = "not_text"


class NoteTooLargeError(InputError):
    code = "note_too_large"
    http_status = 413


class InvalidDateError(InputError):
    code = "invalid_date"


class UnknownProfileError(InputError):
    code = "unknown_profile"


class BilledLineError(InputError):
    code = "bad_billed_line"


class DenialCodeError(InputError):
    code = "bad_denial_code"


class ClaimError(InputError):
    code = "bad_claim"


class ServiceDateMismatchError(InputError):
    """The denied service's date (the claim's, or the pasted denial's) is not the note's: the wrong note is attached,
    or the claim carries a clerical date error. Nothing is decided until they agree."""

    code = "service_date_mismatch"


class PatientMismatchError(InputError):
    """The note names another patient than the claim or item: one beneficiary's record would go to the payer under
    another's claim (hostile17 #1). The message says what differs, never what either says."""

    code = "patient_mismatch"


class UnknownCodeError(InputError):
    """A well-formed code the knowledge base does not describe."""

    code = "unknown_code"
    http_status = 404


class CodeNotInEffectError(InputError):
    """The code did not exist on the date asked, or the date is outside the fee tables."""

    code = "code_not_in_effect"


class DosOutsideFeeTablesError(CodeNotInEffectError):
    """The date of service is before the first fee period in the knowledge base."""

    code = "dos_outside_fee_tables"


class DosBeyondFeeTablesError(DosOutsideFeeTablesError):
    """The date of service is after the last fee period in the knowledge base."""

    code = "dos_beyond_fee_tables"


class RemittanceError(InputError):
    """An 835 that cannot be read; the message names the segment position, never its content."""

    code = "bad_remittance"

    def __init__(self, message: str, *, position: int | None = None, hint: str | None = None) -> None:
        super().__init__(f"segment {position}: {message}" if position else message, hint=hint)
        self.position = position


class ItemNotFoundError(InputError):
    code = "item_not_found"
    http_status = 404


class TransitionError(InputError):
    code = "invalid_transition"
    http_status = 409


class ConcurrentChangeError(TransitionError):
    """Another writer changed the same worklist item between this change's read and its write: nothing was saved."""

    code = "concurrent_change"


class KnowledgeError(AssistantError):
    code = "knowledge_invalid"


class IndexError_(AssistantError):  # noqa: N801, N818 - avoid shadowing the builtin IndexError
    code = "index_unavailable"
    http_status = 503


class StorageError(AssistantError):
    code = "storage_unavailable"
    http_status = 503


class BackendError(AssistantError):
    code = "backend_failed"
    http_status = 502


class BackendRefusedError(BackendError):
    code = "backend_refused"


class BackendDeadlineError(BackendError):
    code = "backend_deadline"
    http_status = 504


class BackendBusyError(BackendError):
    code = "backend_busy"
    http_status = 503


class GroundingError(AssistantError):
    code = "grounding_failed"
