import type { FastifyRequest } from "fastify";
import { type PersonSummary, shownName } from "../person-summaries.js";
import { registerSubNavigation } from "../register-navigation.js";
import { registerPaths } from "../register-page-options.js";
import { registerPagination } from "../register-pagination.js";
import { birthDateText, dateTimeText, scoreText } from "../register-words.js";
import type { DuplicateReviewsPage } from "./list-duplicate-reviews.js";

/** One person of a pair in a cell: the name first learnt and the birth date as known. */
function personCell(request: FastifyRequest, person: PersonSummary | undefined) {
  return {
    name: (person && shownName(person.names)) || request.t("people.register.person.unnamed"),
    birthDate: birthDateText(request, person?.birthDate),
  };
}

/** The list page: the search box, how many pairs match, a table of one page and the pages. */
export function presentDuplicateReviews(
  request: FastifyRequest,
  q: string,
  found: DuplicateReviewsPage,
  persons: Map<string, PersonSummary>,
) {
  return {
    title: request.t("people.register.duplicates.title"),
    subNavigation: registerSubNavigation(request, "duplicates"),
    action: registerPaths.duplicates,
    q,
    total: found.total,
    rows: found.items.map((item) => ({
      href: registerPaths.duplicate(item.id),
      first: personCell(request, persons.get(item.personId)),
      second: personCell(request, persons.get(item.otherPersonId)),
      score: scoreText(request, item.score),
      waitingSince: dateTimeText(request, item.createdAt),
    })),
    pagination: registerPagination(registerPaths.duplicates, q, found),
  };
}
