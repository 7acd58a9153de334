import type { FastifyRequest } from "fastify";
import type { DuplicateDecision } from "../../dedupe/decide-duplicate-review.js";
import { shownName } from "../person-summaries.js";
import { recordPageFor } from "../record-pages.js";
import { registerPaths } from "../register-page-options.js";
import {
  agreementLines,
  birthDateText,
  dateTimeText,
  documentText,
  nameLine,
  scoreText,
  sexText,
} from "../register-words.js";
import type { DuplicatePairView, PairPerson } from "./load-duplicate-pair.js";

export type DuplicateProblem = "decision_required" | "review_decided" | "person_already_merged";

/** A value in a cell of the comparison: a text, with a hint after it or a link on it. */
interface CellValue {
  text: string;
  hint?: string | null;
  href?: string | null;
}

const texts = (values: string[]): CellValue[] => values.map((text) => ({ text }));

/** Where the person appears: the cases the viewer may read (linked), the others counted, imports, other registers. */
function appearances(request: FastifyRequest, person: PairPerson): CellValue[] {
  const cases = person.cases.seen.map((glimpse) => ({
    text: request.t("people.register.source.case", {
      number: glimpse.number,
      procedure: glimpse.procedure[request.locale],
    }),
    href: `/cases/${glimpse.id}`,
  }));
  const unseen = person.cases.unseen
    ? [{ text: request.t("people.register.person.unseenCases", { count: person.cases.unseen }) }]
    : [];
  const imports = person.record.importLinks.map((link) => ({
    text: request.t("people.register.source.import", { record: link.importPersonId }),
  }));
  const records = person.record.recordLinks.map((link) => {
    const href = recordPageFor(request.principal, link.register, link.recordId);
    return { text: request.t(`people.register.records.${link.register}`), href };
  });
  return [...cases, ...unseen, ...imports, ...records];
}

function comparisonRows(request: FastifyRequest, view: DuplicatePairView) {
  const row = (label: string, cell: (person: PairPerson) => CellValue[]) => ({
    label: request.t(label),
    first: cell(view.first),
    second: cell(view.second),
  });
  return [
    row("people.register.columns.names", ({ record }) =>
      record.names.map((name) => {
        const line = nameLine(request, name);
        return { text: line.written, hint: line.reading ? `${line.script}: ${line.reading}` : line.script };
      }),
    ),
    row("people.register.columns.birthDate", ({ record }) =>
      texts([birthDateText(request, record.person.birthDate)]),
    ),
    row("people.register.columns.sex", ({ record }) => texts([sexText(request, record.person.sex)])),
    row("people.register.columns.citizenship", ({ record }) => texts(record.person.citizenships)),
    row("people.register.columns.documents", ({ record }) =>
      record.documents.map((one) => ({
        text: documentText(request, one),
        hint: one.expiry ? request.t("people.register.duplicates.validUntil", { date: one.expiry }) : null,
      })),
    ),
    row("people.register.person.registeredOn", ({ record }) =>
      texts([dateTimeText(request, record.person.createdAt)]),
    ),
    row("people.register.duplicates.appearsIn", (person) => appearances(request, person)),
  ];
}

function personHeading(request: FastifyRequest, person: PairPerson) {
  return {
    name: shownName(person.record.names) || request.t("people.register.person.unnamed"),
    href: registerPaths.person(person.record.person.id),
  };
}

function problemText(request: FastifyRequest, problem: DuplicateProblem | undefined) {
  if (!problem) return undefined;
  return problem === "decision_required"
    ? request.t("people.register.duplicates.decisionRequired")
    : request.t(`people.errors.${problem}`);
}

/** The pair page: both persons side by side, how the matcher compared them, and the decision form. */
export function presentDuplicatePair(
  request: FastifyRequest,
  view: DuplicatePairView,
  problem?: DuplicateProblem,
) {
  const first = personHeading(request, view.first);
  const second = personHeading(request, view.second);
  const error = problemText(request, problem);
  const open = view.review.status === "open";
  const decidedAt = view.review.decidedAt ? dateTimeText(request, view.review.decidedAt) : "";
  return {
    title: request.t("people.register.duplicates.pairTitle", { first: first.name, second: second.name }),
    backHref: registerPaths.duplicates,
    action: registerPaths.duplicate(view.review.id),
    first,
    second,
    score: scoreText(request, view.review.score),
    reading: request.t(
      view.review.score > 0 ? "people.register.review.likelySame" : "people.register.review.likelyDifferent",
    ),
    waitingSince: dateTimeText(request, view.review.createdAt),
    status: request.t(`people.register.duplicates.status.${view.review.status}`, { at: decidedAt }),
    rows: comparisonRows(request, view),
    agreement: agreementLines(request, view.fields),
    open,
    mergedSince: view.mergedSince,
    decisionItems: [
      {
        value: "same-person",
        text: request.t("people.register.duplicates.samePerson"),
        hint: { text: request.t("people.register.duplicates.samePersonHint", { name: first.name }) },
        disabled: view.mergedSince,
      },
      { value: "different-persons", text: request.t("people.register.duplicates.differentPersons") },
    ],
    errors: error
      ? [{ text: error, href: problem === "decision_required" ? "#decision" : "#main-content" }]
      : [],
    decisionError: problem === "decision_required" ? error : undefined,
  };
}

/** The check-and-confirm page: what the decision will do, and the one button that does it. */
export function presentDuplicateConfirmation(
  request: FastifyRequest,
  view: DuplicatePairView,
  decision: DuplicateDecision,
) {
  const first = personHeading(request, view.first).name;
  const second = personHeading(request, view.second).name;
  const same = decision === "same-person";
  return {
    title: request.t("people.register.review.confirmTitle"),
    backHref: registerPaths.duplicate(view.review.id),
    action: registerPaths.duplicate(view.review.id),
    decision,
    what: request.t(
      same ? "people.register.duplicates.confirmSame" : "people.register.duplicates.confirmDifferent",
      { first, second },
    ),
    button: request.t(
      same
        ? "people.register.duplicates.confirmSameButton"
        : "people.register.duplicates.confirmDifferentButton",
    ),
    warning: same,
  };
}
