"""/v1/era and /v1/worklist: 835 upload, the denial queue, items, drafts and outcome statistics.

Every route is scoped to the caller's practice (`PracticeDep`, from the API key): another
practice's item is a 404, never a 403 that would confirm it exists.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field, StrictInt, model_validator
from pydantic.json_schema import SkipJsonSchema
from starlette.concurrency import run_in_threadpool
from starlette.convertors import IntegerConvertor, register_url_convertor

from api.deps import ActorDep, AssistantDep, PracticeDep
from api.downloads import DOCX, render_docx
from api.errors import ApiError, responses
from api.fhir import document_note
from api.routes.drafting import _result_model
from api.schemas import ClaimFormDate, In
from assistant.worklist_models import BulkDraftResult, ImportSummary, ItemDetail, Page, Sort, Stats, Status

router = APIRouter(tags=["worklist"])
AppealResult: Any = _result_model("AppealResult")  # the drafting package's result model, as /v1/appeals returns it
X12 = "application/edi-x12"
MAX_ID = 2_147_483_647
_UPLOAD = {
    "requestBody": {
        "required": True,
        "description": "The 835 file exactly as received (ISA ... IEA).",
        "content": {
            X12: {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


class ItemPatch(In):
    """A change to an item: status (with reason or outcome), assignee, or the payer's deadline."""

    status: Status | SkipJsonSchema[None] = None
    reason: str | SkipJsonSchema[None] = Field(
        default=None, max_length=500, description="Required for corrected / written_off."
    )
    assignee: str | SkipJsonSchema[None] = Field(default=None, max_length=120)
    recovered: Annotated[float, Field(ge=0, le=10_000_000, allow_inf_nan=False)] | SkipJsonSchema[None] = Field(
        default=None, description="Amount recovered (won / partially_won); at most the item's denied amount."
    )
    decided_on: ClaimFormDate | SkipJsonSchema[None] = Field(
        default=None, description="Decision date (outcomes, or `new` after `lost`); today when omitted."
    )
    submitted_on: ClaimFormDate | SkipJsonSchema[None] = Field(
        default=None, description="The day the request was sent (with status submitted; on or after the notice "
        "date, not in the future); today when omitted."
    )
    payer_deadline: ClaimFormDate | SkipJsonSchema[None] = Field(
        default=None,
        description="The payer's appeal deadline, for a route whose limit the payer sets (commercial, Medicaid).",
    )


class NoteBody(In):
    """The note for the item's date of service: `text`, or a FHIR R4 DocumentReference in `document`."""

    text: str | SkipJsonSchema[None] = Field(default=None, min_length=1)
    document: dict[str, Any] | SkipJsonSchema[None] = None
    denial_text: str | SkipJsonSchema[None] = Field(default=None, max_length=4000, description="The payer's own words.")

    @model_validator(mode="after")
    def _at_most_one(self) -> NoteBody:
        if self.text is not None and self.document is not None:
            raise ValueError("send `text` or `document`, not both")
        return self

    def note(self) -> str | None:
        return document_note(self.document).text if self.document is not None else self.text


class BulkDraftRequest(In):
    ids: list[Annotated[StrictInt, Field(ge=1, le=MAX_ID)]] = Field(
        min_length=1, max_length=200, description="Item ids; each is drafted with its attached note."
    )


class BulkDraftReply(BaseModel):
    results: list[BulkDraftResult]


class DraftReply(BaseModel):
    item: ItemDetail
    result: AppealResult


class _SignedInt(IntegerConvertor):
    regex = "-?[0-9]+"


# any whole number, signed: 0, -1 and ids past the database's range are the same "no worklist item" 404, said by
# the worklist (hostile15 #16: -1 missed the route's plain int convertor, 0 failed the schema with a 422)
register_url_convertor("signed_int", _SignedInt())
ItemId = Annotated[int, Path(description="The item id.")]
Format = Annotated[Literal["json", "docx"], Query(
    description="`docx` returns the letter (without one, the recommendation) as a Word document.")]
# read by the worklist's own parser, whose refusal names the expected form (a schema pattern's would not)
Due = Annotated[
    str | None, Query(max_length=20, description="Due within this window, overdue included: 14d, 2w.")
]


def _docx_responses(model: type[BaseModel], *extra: int) -> dict[int | str, dict[str, Any]]:
    out = responses(*extra)
    out[200] = {
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}},
            DOCX: {"schema": {"type": "string", "format": "binary"}},
        },
        "description": "JSON, or the letter as DOCX with `format=docx`.",
    }
    return out


def _letter(result: AppealResult, item_id: int) -> Response:
    """The letter, or for a result without one the recommendation, why and what to do (named so)."""
    name = "letter" if result.letter is not None else "recommendation"
    return Response(
        render_docx(result, "appeal"),
        media_type=DOCX,
        headers={"Content-Disposition": f'attachment; filename="worklist-{item_id}-{name}.docx"'},
    )


@router.post(
    "/era",
    response_model=ImportSummary,
    responses=responses(409),  # concurrent_change: other writers kept changing the same items (after retries)
    openapi_extra=_UPLOAD,
    summary="Import an 835 remittance: denied or underpaid caregiver-training lines become worklist items",
)
async def import_era(
    request: Request,
    assistant: AssistantDep,
    practice: PracticeDep,
    actor: ActorDep,
    filename: Annotated[str, Query(max_length=255)] = "",
) -> ImportSummary:
    data = await request.body()
    return await run_in_threadpool(assistant.import_era, data, filename=filename, practice=practice, actor=actor)


@router.get("/worklist", response_model=Page, responses=responses(), summary="The denial worklist, soonest due first")
def worklist(
    assistant: AssistantDep,
    practice: PracticeDep,
    due: Due = None,
    status: Annotated[list[Status] | None, Query(description="Statuses; open items when omitted.")] = None,
    payer: Annotated[str | None, Query(max_length=120)] = None,
    assignee: Annotated[str | None, Query(max_length=120)] = None,
    pattern: Annotated[str | None, Query(max_length=60)] = None,
    sort: Sort = "due",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page:
    return assistant.worklist(
        due=due,
        status=status,
        payer=payer,
        assignee=assignee,
        pattern=pattern,
        sort=sort,
        page=page,
        per_page=per_page,
        practice=practice,
    )


@router.get(
    "/worklist/stats",
    response_model=Stats,
    responses=responses(),
    summary="Overturn rate, amounts recovered and median days to decision per pattern, payer and route",
)
def worklist_stats(assistant: AssistantDep, practice: PracticeDep) -> Stats:
    return assistant.worklist_stats(practice=practice)


@router.post(
    "/worklist/draft",
    response_model=BulkDraftReply,
    responses=responses(),
    summary="Draft several items, each with its attached note",
)
def bulk_draft(
    body: BulkDraftRequest, assistant: AssistantDep, practice: PracticeDep, actor: ActorDep
) -> BulkDraftReply:
    return BulkDraftReply(results=assistant.draft_worklist_items(body.ids, practice=practice, actor=actor))


@router.get(
    "/worklist/{item_id:signed_int}",
    response_model=ItemDetail,
    responses=responses(404),
    summary="One item: codes with meanings, amounts, deadline, note and draft state, history",
)
def item(item_id: ItemId, assistant: AssistantDep, practice: PracticeDep) -> ItemDetail:
    return assistant.worklist_item(item_id, practice=practice)


@router.patch(
    "/worklist/{item_id:signed_int}",
    response_model=ItemDetail,
    responses=responses(404, 409),
    summary="Change status (outcomes update the statistics), assignee or the payer's deadline",
)
def update(
    item_id: ItemId, body: ItemPatch, assistant: AssistantDep, practice: PracticeDep, actor: ActorDep
) -> ItemDetail:
    change = body.model_dump(exclude_none=True)
    return assistant.update_worklist_item(item_id, change, practice=practice, actor=actor)


@router.put(
    "/worklist/{item_id:signed_int}/note",
    response_model=ItemDetail,
    responses=responses(404),
    summary="Attach the note for the date of service (text or FHIR DocumentReference)",
)
def attach_note(
    item_id: ItemId, body: NoteBody, assistant: AssistantDep, practice: PracticeDep, actor: ActorDep
) -> ItemDetail:
    note = body.note()
    if note is None:
        raise ApiError(422, "note_required", "Send the note as `text` or as a FHIR DocumentReference in `document`.")
    return assistant.attach_worklist_note(item_id, note, practice=practice, actor=actor)


@router.post(
    "/worklist/{item_id:signed_int}/draft",
    response_model=DraftReply,
    responses=_docx_responses(DraftReply, 404, 409, 502, 503),
    summary="Draft the appeal for an item (attaching the note when given), as JSON or DOCX",
)
def draft(
    item_id: ItemId,
    assistant: AssistantDep,
    practice: PracticeDep,
    actor: ActorDep,
    body: NoteBody | None = None,
    format: Format = "json",
) -> Response:
    body = body or NoteBody()
    detail, result = assistant.draft_worklist_item(
        item_id, note=body.note(), denial_text=body.denial_text, practice=practice, actor=actor
    )
    if format == "docx":
        return _letter(result, item_id)
    return Response(DraftReply(item=detail, result=result).model_dump_json(), media_type="application/json")


@router.get(
    "/worklist/{item_id:signed_int}/draft",
    response_model=AppealResult,
    responses=_docx_responses(AppealResult, 404),
    summary="The item's last draft, as JSON or as the DOCX letter",
)
def stored_draft(item_id: ItemId, assistant: AssistantDep, practice: PracticeDep, format: Format = "json") -> Response:
    result = assistant.worklist_draft(item_id, practice=practice)
    if result is None:
        raise ApiError(404, "no_draft", "This item has not been drafted yet.")
    if format == "docx":
        return _letter(result, item_id)
    return Response(result.model_dump_json(), media_type="application/json")
