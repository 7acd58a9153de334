import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { addNote } from "../../../cases/index.js";
import { decideReviewFollowed } from "../../entry/register-changes.js";
import type { ReviewDecision } from "../../operations/decide-review.js";
import { formText, type IdParams, officerOf, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { loadReviewItem, type ReviewItemView } from "./load-review-item.js";
import { presentReviewConfirmation, presentReviewItem, type ReviewFormProblem } from "./presenter.js";

type ItemRequest = FastifyRequest<IdParams>;

function renderItem(
  request: ItemRequest,
  reply: FastifyReply,
  view: ReviewItemView,
  problem?: ReviewFormProblem,
) {
  return reply
    .header("cache-control", "private, no-store")
    .render("people/workspace/review-item/review-item.njk", presentReviewItem(request, view, problem));
}

export async function showReviewItem(
  workspace: RegisterWorkspace,
  request: ItemRequest,
  reply: FastifyReply,
) {
  return renderItem(request, reply, await loadReviewItem(workspace, request, "compare"));
}

/** The decision the form names: "new", or one of the item's candidates; anything else is none. */
function decisionOf(request: ItemRequest, view: ReviewItemView): ReviewDecision | undefined {
  const chosen = formText(request, "decision");
  if (chosen === "new") return "new";
  const candidate = view.candidates.find((one) => one.personId === chosen);
  return candidate ? { personId: candidate.personId } : undefined;
}

/**
 * POST /people/review/:id: without `confirmed`, the check-and-confirm page; with it, the decision,
 * the statistics told, and a note on the case for its officer, all in one transaction.
 */
export async function decideReviewItem(
  workspace: RegisterWorkspace,
  request: ItemRequest,
  reply: FastifyReply,
) {
  const view = await loadReviewItem(workspace, request, "decide");
  if (view.item.status !== "open") {
    return renderItem(request, reply.status(409), view, { code: "review_decided" });
  }
  if (!view.decidable) return refuseOtherAgency(workspace, request);
  const decision = decisionOf(request, view);
  if (!decision) return renderItem(request, reply.status(422), view, { code: "decision_required" });
  if (formText(request, "confirmed") !== "yes") {
    return reply
      .header("cache-control", "private, no-store")
      .render(
        "people/workspace/review-item/review-confirm.njk",
        presentReviewConfirmation(request, view, decision),
      );
  }
  try {
    const personId = await decideWithNote(workspace, request, view, decision);
    return reply.redirect(registerPaths.person(personId), 303);
  } catch (error) {
    if (error instanceof ConflictError && error.code === "review_decided") {
      return renderItem(request, reply.status(409), await loadReviewItem(workspace, request, "compare"), {
        code: "review_decided",
      });
    }
    throw error;
  }
}

async function decideWithNote(
  workspace: RegisterWorkspace,
  request: ItemRequest,
  view: ReviewItemView,
  decision: ReviewDecision,
): Promise<string> {
  const actor = actorOf(officerOf(request));
  const at = workspace.clock.now();
  return workspace.db.transaction(async (tx) => {
    const db: Database = tx;
    const outcome = await decideReviewFollowed(
      db,
      workspace.followChanges,
      view.item.id,
      decision,
      actor,
      at,
    );
    const caseId = view.item.caseId;
    if (caseId) {
      const key =
        outcome.status === "new" ? "people.register.caseNote.new" : "people.register.caseNote.linked";
      const note = request.t(key, { path: registerPaths.person(outcome.personId) });
      await addNote({ ...workspace.cases.contextFor(request), db }, caseId, note);
    }
    return outcome.personId;
  });
}

/** An item of a case the officer may not read answers as an unknown one; the refusal is audited. */
async function refuseOtherAgency(workspace: RegisterWorkspace, request: ItemRequest): Promise<never> {
  const officer = officerOf(request);
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "access.denied",
    outcome: "denied",
    entityType: "people_review_item",
    entityId: request.params.id,
    agencyId: officer.agencyId,
    ...requestOrigin(request),
    details: { permission: "cases.read", reason: "other_agency" },
  });
  throw new NotFoundError("review_not_found");
}
