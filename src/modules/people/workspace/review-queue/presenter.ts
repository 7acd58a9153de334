import type { FastifyRequest } from "fastify";
import type { CaseGlimpse } from "../../../cases/index.js";
import type { ReviewItemsPage } from "../list-review-items.js";
import { occurrenceSummary, sourceOf } from "../occurrence-summary.js";
import { shownName } from "../person-summaries.js";
import { registerSubNavigation } from "../register-navigation.js";
import { registerPaths } from "../register-page-options.js";
import { registerPagination } from "../register-pagination.js";
import { birthDateText, dateTimeText, documentsText, scoreText } from "../register-words.js";

/** The queue page: the search box, how many items match, a table of one page and the pages. */
export function presentReviewQueue(
  request: FastifyRequest,
  q: string,
  found: ReviewItemsPage,
  seen: readonly CaseGlimpse[],
) {
  const rows = found.items.map((item) => {
    const occurrence = occurrenceSummary(item.occurrence);
    const best = item.candidates[0];
    return {
      href: registerPaths.reviewItem(item.id),
      name: shownName(occurrence.names) || "—",
      birthDate: birthDateText(request, occurrence.birthDate),
      documents: documentsText(request, occurrence.documents),
      source: sourceOf(request, item.source, seen),
      waitingSince: dateTimeText(request, item.createdAt),
      bestScore: best ? scoreText(request, best.score) : "—",
      candidates: item.candidates.length,
    };
  });
  return {
    title: request.t("people.register.review.title"),
    subNavigation: registerSubNavigation(request, "review"),
    q,
    total: found.total,
    rows,
    pagination: registerPagination(registerPaths.reviewQueue, q, found),
    action: registerPaths.reviewQueue,
  };
}
