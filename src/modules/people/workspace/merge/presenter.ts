import type { FastifyRequest } from "fastify";
import { type PersonSummary, shownName } from "../person-summaries.js";
import { registerPaths } from "../register-page-options.js";
import { birthDateText, documentsText, namesText, scoreText, sexText } from "../register-words.js";
import type { MergePage } from "./load-merge-page.js";

export interface MergeForm {
  /** A duplicate's register id, or `id` when the officer types the other record's id. */
  other: string;
  otherId: string;
  reason: string;
}

export interface MergeProblem {
  field: "other" | "otherId" | "reason";
  /** The form's own codes (`choose`, `enter_id`) or the operation's (`merge_same_person`…). */
  code: string;
  status: number;
}

/** The form's own problems; the operation's (merge_same_person…) have their texts under people.errors. */
const formProblems = new Set(["choose", "enter_id", "person_not_found"]);

function problemText(request: FastifyRequest, code: string): string {
  return request.t(formProblems.has(code) ? `people.register.merge.errors.${code}` : `people.errors.${code}`);
}

function personLine(request: FastifyRequest, person: PersonSummary | undefined): string {
  if (!person) return "—";
  return [
    shownName(person.names),
    birthDateText(request, person.birthDate),
    documentsText(request, person.documents),
  ]
    .filter((part) => part && part !== "—")
    .join(", ");
}

/** The merge form: the duplicates the register proposes, a box for any other record's id, the reason. */
export function presentMergeForm(
  request: FastifyRequest,
  page: MergePage,
  form?: MergeForm,
  problem?: MergeProblem,
) {
  const error = problem ? problemText(request, problem.code) : undefined;
  const fieldError = (field: MergeProblem["field"]) => (problem?.field === field ? error : undefined);
  return {
    title: request.t("people.register.merge.title", { name: shownName(page.person.names) }),
    backHref: registerPaths.person(page.person.id),
    action: registerPaths.merge(page.person.id),
    person: personLine(request, page.person),
    duplicates: page.candidates.map((candidate) => ({
      value: candidate.personId,
      text: personLine(request, page.others.get(candidate.personId)),
      hint: request.t("people.register.merge.duplicateScore", { score: scoreText(request, candidate.score) }),
      checked: form?.other === candidate.personId,
    })),
    values: form ?? { other: "", otherId: "", reason: "" },
    errors: error ? [{ text: error, href: `#${problem?.field === "other" ? "other" : problem?.field}` }] : [],
    errorsByField: {
      other: fieldError("other"),
      otherId: fieldError("otherId"),
      reason: fieldError("reason"),
    },
  };
}

function rows(request: FastifyRequest, kept: PersonSummary, merged: PersonSummary | undefined) {
  const row = (label: string, text: (person: PersonSummary) => string) => ({
    label: request.t(label),
    kept: text(kept),
    merged: merged ? text(merged) : "—",
  });
  return [
    row("people.register.columns.names", (person) => namesText(request, person.names)),
    row("people.register.columns.birthDate", (person) => birthDateText(request, person.birthDate)),
    row("people.register.columns.sex", (person) => sexText(request, person.sex)),
    row("people.register.columns.citizenship", (person) => person.citizenships.join(", ") || "—"),
    row("people.register.columns.documents", (person) => documentsText(request, person.documents)),
  ];
}

/** The check-and-confirm page of a merge: both records side by side and what the merge does. */
export function presentMergeConfirmation(
  request: FastifyRequest,
  page: MergePage,
  form: MergeForm,
  otherId: string,
) {
  return {
    title: request.t("people.register.merge.confirmTitle"),
    backHref: registerPaths.merge(page.person.id),
    action: registerPaths.merge(page.person.id),
    rows: rows(request, page.person, page.others.get(otherId)),
    values: form,
  };
}
