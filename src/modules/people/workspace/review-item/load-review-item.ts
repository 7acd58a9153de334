import type { FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { type CaseGlimpse, casesSeenBy } from "../../../cases/index.js";
import type { Candidate } from "../../operations/find-candidates.js";
import type { OccurrenceSource, PersonOccurrence } from "../../register/occurrence.js";
import { type ReviewItemRow, reviewItemById } from "../../register/repository.js";
import { type PersonSummary, personSummaries } from "../person-summaries.js";
import { type IdParams, officerOf } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";

export interface ReviewItemView {
  item: ReviewItemRow;
  source: OccurrenceSource;
  occurrence: PersonOccurrence;
  candidates: Candidate[];
  persons: Map<string, PersonSummary>;
  /** The item's case, when the officer may read it. */
  seen: CaseGlimpse[];
  /** Open, and its case (if any) one the officer may read: a case's item is decided by its agency. */
  decidable: boolean;
}

/** A review item with its candidates as registered now; every reading is audited (personal data). */
export async function loadReviewItem(
  workspace: RegisterWorkspace,
  request: FastifyRequest<IdParams>,
  step: "compare" | "confirm" | "decide",
): Promise<ReviewItemView> {
  const item = await reviewItemById(workspace.db, request.params.id);
  if (!item) throw new NotFoundError("review_not_found");
  const candidates = item.candidates as Candidate[];
  const persons = await personSummaries(
    workspace.db,
    candidates.map((candidate) => candidate.personId),
  );
  const { seen } = await casesSeenBy(workspace.cases.contextFor(request), item.caseId ? [item.caseId] : []);
  const officer = officerOf(request);
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "people.review.viewed",
    outcome: "success",
    entityType: "people_review_item",
    entityId: item.id,
    agencyId: officer.agencyId,
    ...requestOrigin(request),
    details: { step, candidates: candidates.map((candidate) => candidate.personId).join(" ") },
  });
  return {
    item,
    source: item.source as OccurrenceSource,
    occurrence: item.occurrence as PersonOccurrence,
    candidates,
    persons,
    seen,
    decidable: item.status === "open" && (!item.caseId || seen.length > 0),
  };
}
