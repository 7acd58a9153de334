import type { FastifyRequest } from "fastify";
import type { CaseGlimpse } from "../../../cases/index.js";
import type { ReviewItemsPage } from "../list-review-items.js";
import { occurrenceSummary, sourceOf } from "../occurrence-summary.js";
import { shownName } from "../person-summaries.js";
import { registerSubNavigation } from "../register-navigation.js";
import { registerPaths } from "../register-page-options.js";
import { birthDateText, dateTimeText, documentsText, scoreText } from "../register-words.js";

function pageHref(q: string, page: number): string {
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${registerPaths.reviewQueue}?${text}` : registerPaths.reviewQueue;
}

function pagination(q: string, found: ReviewItemsPage) {
  if (found.pageCount <= 1) return null;
  // The first and last pages and two either side of the current one; gaps shown as an ellipsis.
  const shown = [...Array(found.pageCount).keys()]
    .map((index) => index + 1)
    .filter((number) => number === 1 || number === found.pageCount || Math.abs(number - found.page) <= 2);
  const items = shown.flatMap((number, index) => {
    const gap = index > 0 && number - (shown[index - 1] ?? number) > 1 ? [{ ellipsis: true }] : [];
    return [...gap, { number, href: pageHref(q, number), current: number === found.page }];
  });
  return {
    items,
    previous: found.page > 1 ? { href: pageHref(q, found.page - 1) } : undefined,
    next: found.page < found.pageCount ? { href: pageHref(q, found.page + 1) } : undefined,
  };
}

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
    pagination: pagination(q, found),
    action: registerPaths.reviewQueue,
  };
}
