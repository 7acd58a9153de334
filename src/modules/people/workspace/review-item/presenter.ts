import type { FastifyRequest } from "fastify";
import type { ReviewDecision } from "../../operations/decide-review.js";
import type { FieldAgreement } from "../../register/scoring.js";
import { occurrenceSummary, sourceOf } from "../occurrence-summary.js";
import { type PersonSummary, shownName } from "../person-summaries.js";
import { registerPaths } from "../register-page-options.js";
import {
  agreementWords,
  birthDateText,
  dateTimeText,
  documentText,
  fieldLabel,
  nameLine,
  scoreText,
  sexText,
} from "../register-words.js";
import type { ReviewItemView } from "./load-review-item.js";

export interface ReviewFormProblem {
  code: "decision_required" | "review_decided";
}

type Shown = Omit<PersonSummary, "id" | "mergedInto">;

/** One row per field: the occurrence's value, the candidate's, and how they agreed, in words. */
function comparisonRows(request: FastifyRequest, occurrence: Shown, person: Shown, fields: FieldAgreement[]) {
  const agreement = (...names: string[]) =>
    fields
      .filter((one) => names.includes(one.field))
      .map((one) => `${fieldLabel(request, one.field)}: ${agreementWords(request, one.agreement)}`);
  const names = (shown: Shown) => shown.names.map((name) => nameLine(request, name));
  const list = (values: string[]) => (values.length > 0 ? values : ["—"]);
  return [
    {
      label: request.t("people.register.columns.names"),
      names: true,
      occurrence: names(occurrence),
      person: names(person),
      agreement: agreement("given name", "surname"),
    },
    {
      label: request.t("people.register.columns.birthDate"),
      occurrence: [birthDateText(request, occurrence.birthDate)],
      person: [birthDateText(request, person.birthDate)],
      agreement: agreement("date of birth"),
    },
    {
      label: request.t("people.register.columns.sex"),
      occurrence: [sexText(request, occurrence.sex)],
      person: [sexText(request, person.sex)],
      agreement: agreement("sex"),
    },
    {
      label: request.t("people.register.columns.citizenship"),
      occurrence: list(occurrence.citizenships),
      person: list(person.citizenships),
      agreement: agreement("citizenship"),
    },
    {
      label: request.t("people.register.columns.documents"),
      occurrence: list(occurrence.documents.map((one) => documentText(request, one))),
      person: list(person.documents.map((one) => documentText(request, one))),
      agreement: agreement("document number"),
    },
  ];
}

function candidateSections(request: FastifyRequest, view: ReviewItemView) {
  const occurrence = occurrenceSummary(view.occurrence);
  return view.candidates.flatMap((candidate, index) => {
    const person = view.persons.get(candidate.personId);
    if (!person) return [];
    return [
      {
        number: index + 1,
        personId: candidate.personId,
        name: shownName(person.names),
        href: registerPaths.person(candidate.personId),
        score: scoreText(request, candidate.score),
        reading: request.t(
          candidate.score > 0
            ? "people.register.review.likelySame"
            : "people.register.review.likelyDifferent",
        ),
        mergedSince: person.mergedInto ? registerPaths.person(person.mergedInto) : null,
        rows: comparisonRows(request, occurrence, person, candidate.fields),
      },
    ];
  });
}

function statusText(request: FastifyRequest, view: ReviewItemView): string {
  const { item } = view;
  if (item.status === "open") return request.t("people.register.review.status.open");
  const at = item.decidedAt ? dateTimeText(request, item.decidedAt) : "";
  return request.t(`people.register.review.status.${item.status}`, { at });
}

function problemText(request: FastifyRequest, problem: ReviewFormProblem | undefined) {
  if (!problem) return undefined;
  return problem.code === "review_decided"
    ? request.t("people.errors.review_decided")
    : request.t("people.register.review.decisionRequired");
}

/** The comparison page: where the occurrence comes from, each candidate beside it, and the decision form. */
export function presentReviewItem(
  request: FastifyRequest,
  view: ReviewItemView,
  problem?: ReviewFormProblem,
) {
  const occurrence = occurrenceSummary(view.occurrence);
  const sections = candidateSections(request, view);
  const error = problemText(request, problem);
  return {
    title: request.t("people.register.review.itemTitle", { name: shownName(occurrence.names) || "—" }),
    backHref: registerPaths.reviewQueue,
    action: registerPaths.reviewItem(view.item.id),
    source: sourceOf(request, view.source, view.seen),
    waitingSince: dateTimeText(request, view.item.createdAt),
    status: statusText(request, view),
    decidedPerson: view.item.personId ? registerPaths.person(view.item.personId) : null,
    open: view.item.status === "open",
    decidable: view.decidable,
    sections,
    decisionItems: [
      ...sections.map((section) => ({
        value: section.personId,
        text: request.t("people.register.review.linkTo", { number: section.number, name: section.name }),
      })),
      { divider: request.t("people.register.review.or") },
      { value: "new", text: request.t("people.register.review.createNew") },
    ],
    errors: error
      ? [{ text: error, href: problem?.code === "decision_required" ? "#decision" : "#main-content" }]
      : [],
    decisionError: problem?.code === "decision_required" ? error : undefined,
  };
}

/** The check-and-confirm page: what the decision will do, and the one button that does it. */
export function presentReviewConfirmation(
  request: FastifyRequest,
  view: ReviewItemView,
  decision: ReviewDecision,
) {
  const occurrence = occurrenceSummary(view.occurrence);
  const name = shownName(occurrence.names) || "—";
  const person = decision === "new" ? undefined : view.persons.get(decision.personId);
  return {
    title: request.t("people.register.review.confirmTitle"),
    backHref: registerPaths.reviewItem(view.item.id),
    action: registerPaths.reviewItem(view.item.id),
    decision: decision === "new" ? "new" : decision.personId,
    what:
      decision === "new"
        ? request.t("people.register.review.confirmNew", { name })
        : request.t("people.register.review.confirmLink", { name, person: shownName(person?.names ?? []) }),
    caseNote: view.item.caseId ? request.t("people.register.review.confirmCaseNote") : null,
    button: request.t(
      decision === "new"
        ? "people.register.review.confirmNewButton"
        : "people.register.review.confirmLinkButton",
    ),
  };
}
