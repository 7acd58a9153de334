import type { FastifyReply, FastifyRequest } from "fastify";
import { ConflictError } from "../../../../platform/errors/index.js";
import { actorOf } from "../../../access/index.js";
import { type DuplicateDecision, decideDuplicateReview } from "../../dedupe/decide-duplicate-review.js";
import { formText, type IdParams, officerOf, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { type DuplicatePairView, loadDuplicatePair } from "./load-duplicate-pair.js";
import { type DuplicateProblem, presentDuplicateConfirmation, presentDuplicatePair } from "./presenter.js";

type PairRequest = FastifyRequest<IdParams>;

function renderPair(
  request: PairRequest,
  reply: FastifyReply,
  view: DuplicatePairView,
  problem?: DuplicateProblem,
) {
  return reply
    .header("cache-control", "private, no-store")
    .render(
      "people/workspace/duplicate-pair/duplicate-pair.njk",
      presentDuplicatePair(request, view, problem),
    );
}

export async function showDuplicatePair(
  workspace: RegisterWorkspace,
  request: PairRequest,
  reply: FastifyReply,
) {
  return renderPair(request, reply, await loadDuplicatePair(workspace, request, "compare"));
}

function decisionOf(request: PairRequest): DuplicateDecision | undefined {
  const chosen = formText(request, "decision");
  return chosen === "same-person" || chosen === "different-persons" ? chosen : undefined;
}

/**
 * POST /people/duplicates/:id: without `confirmed`, the check-and-confirm page; with it, the
 * decision (a merge, with the statistics told, or the pair kept apart), then the merged person's
 * page or the list. A pair decided meanwhile, or a person merged meanwhile, answers 409.
 */
export async function decideDuplicatePair(
  workspace: RegisterWorkspace,
  request: PairRequest,
  reply: FastifyReply,
) {
  const view = await loadDuplicatePair(workspace, request, "decide");
  if (view.review.status !== "open") return renderPair(request, reply.status(409), view, "review_decided");
  const decision = decisionOf(request);
  if (!decision) return renderPair(request, reply.status(422), view, "decision_required");
  if (decision === "same-person" && view.mergedSince) {
    return renderPair(request, reply.status(409), view, "person_already_merged");
  }
  if (formText(request, "confirmed") !== "yes") {
    return reply
      .header("cache-control", "private, no-store")
      .render(
        "people/workspace/duplicate-pair/duplicate-confirm.njk",
        presentDuplicateConfirmation(request, view, decision),
      );
  }
  try {
    const actor = actorOf(officerOf(request));
    const at = workspace.clock.now();
    await decideDuplicateReview(workspace.db, view.review.id, decision, actor, at, workspace.followChanges);
  } catch (error) {
    if (error instanceof ConflictError && isPairProblem(error.code)) {
      const now = await loadDuplicatePair(workspace, request, "compare");
      return renderPair(request, reply.status(409), now, error.code);
    }
    throw error;
  }
  const next =
    decision === "same-person" ? registerPaths.person(view.first.record.person.id) : registerPaths.duplicates;
  return reply.redirect(next, 303);
}

function isPairProblem(code: string): code is "review_decided" | "person_already_merged" {
  return code === "review_decided" || code === "person_already_merged";
}
