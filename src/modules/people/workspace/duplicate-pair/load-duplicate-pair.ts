import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { type CasesSeen, casesSeenBy } from "../../../cases/index.js";
import { peopleDuplicateReviews } from "../../dedupe/schema.js";
import { type PersonRecord, personRecord } from "../../operations/person-record.js";
import type { FieldAgreement } from "../../register/scoring.js";
import { type IdParams, officerOf } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";

type DuplicateReviewRow = typeof peopleDuplicateReviews.$inferSelect;

/** One person of the pair as the page shows it: the register's record and its cases as the viewer may see them. */
export interface PairPerson {
  record: PersonRecord;
  cases: CasesSeen;
}

export interface DuplicatePairView {
  review: DuplicateReviewRow;
  fields: FieldAgreement[];
  /** The person registered first: the one a "same person" decision keeps. */
  first: PairPerson;
  second: PairPerson;
  /** Either person has been merged into another entry since the pair was found: they cannot be merged now. */
  mergedSince: boolean;
}

async function pairPerson(
  workspace: RegisterWorkspace,
  request: FastifyRequest<IdParams>,
  personId: string,
): Promise<PairPerson> {
  const officer = officerOf(request);
  const record = await personRecord(workspace.db, personId, {
    actor: actorOf(officer),
    agencyId: officer.agencyId,
    ...requestOrigin(request),
  });
  const cases = await casesSeenBy(
    workspace.cases.contextFor(request),
    record.caseLinks.map((link) => link.caseId),
  );
  return { record, cases };
}

/**
 * A duplicate review with both persons as registered now. Each person's record is read through
 * `personRecord` (audited as a reading of that person) and the review itself is audited with the
 * step; the persons' cases are named only as far as the viewer may read them.
 */
export async function loadDuplicatePair(
  workspace: RegisterWorkspace,
  request: FastifyRequest<IdParams>,
  step: "compare" | "confirm" | "decide",
): Promise<DuplicatePairView> {
  const [review] = await workspace.db
    .select()
    .from(peopleDuplicateReviews)
    .where(eq(peopleDuplicateReviews.id, request.params.id));
  if (!review) throw new NotFoundError("review_not_found");
  const one = await pairPerson(workspace, request, review.personId);
  const other = await pairPerson(workspace, request, review.otherPersonId);
  const officer = officerOf(request);
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "people.duplicate_review.viewed",
    outcome: "success",
    entityType: "people_duplicate_review",
    entityId: review.id,
    agencyId: officer.agencyId,
    ...requestOrigin(request),
    details: { step, persons: `${review.personId} ${review.otherPersonId}` },
  });
  const [first, second] =
    one.record.person.createdAt.getTime() <= other.record.person.createdAt.getTime()
      ? [one, other]
      : [other, one];
  return {
    review,
    fields: review.fields as FieldAgreement[],
    first,
    second,
    mergedSince: [one, other].some((person) => person.record.requestedId !== person.record.person.id),
  };
}
