import type { FastifyRequest } from "fastify";
import type { Candidate } from "../../operations/find-candidates.js";
import type { PersonSummary } from "../person-summaries.js";
import { registerSubNavigation } from "../register-navigation.js";
import { registerPaths } from "../register-page-options.js";
import { agreementLines, birthDateText, documentsText, namesText, scoreText } from "../register-words.js";
import type { PersonSearch } from "./form.js";

export interface SearchResult {
  candidate: Candidate;
  person: PersonSummary;
}

function resultRows(request: FastifyRequest, results: readonly SearchResult[]) {
  return results.map(({ candidate, person }) => ({
    href: registerPaths.person(person.id),
    names: namesText(request, person.names),
    birthDate: birthDateText(request, person.birthDate),
    documents: documentsText(request, person.documents),
    score: scoreText(request, candidate.score),
    agreement: agreementLines(request, candidate.fields)
      .filter((line) => line.weight !== "—")
      .map((line) => `${line.field}: ${line.agreement}`)
      .join("; "),
  }));
}

/** The search page: the form with its values and any problem at its field, then the persons found. */
export function presentPersonSearch(
  request: FastifyRequest,
  search: PersonSearch,
  results: SearchResult[] | null,
) {
  const problem = search.kind === "invalid" ? search.problem : undefined;
  const error = problem ? request.t(`people.register.search.errors.${problem.code}`) : undefined;
  return {
    title: request.t("people.register.search.title"),
    subNavigation: registerSubNavigation(request, "search"),
    action: registerPaths.search,
    values: search.form,
    errors: error ? [{ text: error, href: `#${problem?.field}` }] : [],
    errorsByField: problem ? { [problem.field]: error } : {},
    searched: results !== null,
    results: results ? resultRows(request, results) : [],
  };
}
