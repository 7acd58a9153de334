import type { FastifyRequest } from "fastify";
import { type CaseHold, formatLongDate, type HeldCaseReview } from "../../../cases/index.js";
import type { WatchListEntry } from "../../watchlist/watch-list-entry.js";

type Agreement = CaseHold["fields"][number];

/** The field names of the people module's comparisons, as keys of the translations. */
const fieldKeys: Record<string, string> = {
  "given name": "givenName",
  surname: "surname",
  "date of birth": "birthDate",
  sex: "sex",
  citizenship: "citizenship",
  "document number": "documentNumber",
};

function agreementText(request: FastifyRequest, agreements: Agreement[]): string {
  return agreements
    .map(
      (one) =>
        `${request.t(`enforcement.compared.${fieldKeys[one.field] ?? one.field}`)}: ${request.t(`enforcement.levels.${one.level}`)} (${one.weight > 0 ? "+" : ""}${one.weight})`,
    )
    .join("; ");
}

/** The person's answers beside the entry, field by field, with how each agreed and what it weighed. */
export function comparisonRows(
  request: FastifyRequest,
  review: HeldCaseReview,
  entry: WatchListEntry | null,
) {
  const { t } = request;
  const person = review.person;
  const of = (...fields: string[]) => review.state.hold.fields.filter((one) => fields.includes(one.field));
  const text = (values: Array<string | null | undefined>) => values.filter((one) => one).join(", ") || "—";
  return [
    {
      label: t("enforcement.fields.names"),
      person: text(person?.names ?? []),
      entry: text(entry?.names ?? []),
      agreement: agreementText(request, of("given name", "surname")),
    },
    {
      label: t("enforcement.fields.birthDate"),
      person: text([person?.birthDate]),
      entry: text([entry?.birthDate]),
      agreement: agreementText(request, of("date of birth")),
    },
    {
      label: t("enforcement.fields.sex"),
      person: person?.sex ? t(`enforcement.sex.${person.sex}`) : "—",
      entry: entry?.sex ? t(`enforcement.sex.${entry.sex}`) : "—",
      agreement: agreementText(request, of("sex")),
    },
    {
      label: t("enforcement.fields.citizenships"),
      person: text([person?.citizenship]),
      entry: text(entry?.citizenships ?? []),
      agreement: agreementText(request, of("citizenship")),
    },
    {
      label: t("enforcement.fields.documentNumbers"),
      person: text([person?.documentNumber]),
      entry: text(entry?.documentNumbers ?? []),
      agreement: agreementText(request, of("document number")),
    },
  ];
}

/** What the page says of the hold itself: the list, the score, and what was decided if it was. */
export function holdSummary(request: FastifyRequest, review: HeldCaseReview, entry: WatchListEntry | null) {
  const { t, locale } = request;
  const hold = review.state.hold;
  return {
    caseId: review.state.id,
    caseNumber: review.state.number,
    caseHref: `/cases/${review.state.id}`,
    procedure: review.definition.name[locale],
    list: t(`enforcement.lists.${hold.list}`),
    score: hold.score,
    status: t(`enforcement.holdStatus.${hold.status}`),
    open: hold.status === "open",
    releasable: hold.status !== "released",
    reason: hold.reason,
    resolvedAt: hold.resolvedAt ? formatLongDate(hold.resolvedAt, locale) : null,
    basis: entry ? `${entry.legalBasis} (${entry.issuingAuthority})` : t("enforcement.holds.entryMissing"),
    entryEnded: entry?.endedAt ? formatLongDate(entry.endedAt, locale) : null,
    expectedSeq: review.state.lastSeq,
  };
}
