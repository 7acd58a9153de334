import type { FastifyReply, FastifyRequest } from "fastify";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { readReviewSearch } from "../list-review-items.js";
import { personSummaries } from "../person-summaries.js";
import { officerOf } from "../register-page-options.js";
import { listQueryOf } from "../register-pagination.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { listOpenDuplicateReviews } from "./list-duplicate-reviews.js";
import { presentDuplicateReviews } from "./presenter.js";

/** GET /people/duplicates: a page of open pairs with both persons' names (personal data: audited). */
export async function showDuplicateReviews(
  workspace: RegisterWorkspace,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const officer = officerOf(request);
  const { q, page } = listQueryOf(request.query);
  const search = readReviewSearch(q);
  const found = await listOpenDuplicateReviews(workspace.db, search, page);
  const persons = await personSummaries(
    workspace.db,
    found.items.flatMap((item) => [item.personId, item.otherPersonId]),
  );
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "people.duplicate_review.listed",
    outcome: "success",
    entityType: "people_duplicate_review",
    agencyId: officer.agencyId,
    ...requestOrigin(request),
    details: {
      readAs: search.kind,
      matching: found.total,
      shown: found.items.map((item) => item.id).join(" "),
    },
  });
  return reply
    .header("cache-control", "private, no-store")
    .render(
      "people/workspace/duplicates/duplicates.njk",
      presentDuplicateReviews(request, q, found, persons),
    );
}
