import type { FastifyReply, FastifyRequest } from "fastify";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { casesSeenBy } from "../../../cases/index.js";
import { listOpenReviewItems, readReviewSearch } from "../list-review-items.js";
import { officerOf } from "../register-page-options.js";
import { listQueryOf } from "../register-pagination.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { presentReviewQueue } from "./presenter.js";

/** GET /people/review: a page of open items; the names shown are personal data, so the listing is audited. */
export async function showReviewQueue(
  workspace: RegisterWorkspace,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const officer = officerOf(request);
  const { q, page } = listQueryOf(request.query);
  const search = readReviewSearch(q);
  const found = await listOpenReviewItems(workspace.db, search, page);
  const caseIds = found.items.flatMap((item) => (item.caseId ? [item.caseId] : []));
  const { seen } = await casesSeenBy(workspace.cases.contextFor(request), caseIds);
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "people.review.listed",
    outcome: "success",
    entityType: "people_review_item",
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
    .render("people/workspace/review-queue/review-queue.njk", presentReviewQueue(request, q, found, seen));
}
