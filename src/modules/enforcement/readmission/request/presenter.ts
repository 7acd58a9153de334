import type { FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "../../../../platform/http/index.js";
import type { RequestFile } from "../operations/read-request.js";
import { dueText, partnerName, privatePage, shownDate } from "../page-values.js";
import { agreementOf } from "../request-dates.js";
import { correspondenceKinds } from "../request-form.js";
import type { ReadmissionRequest, RequestStatus } from "../request-record.js";
import { effectiveReplyDue } from "../time-limits.js";

export const stepNames = [
  "reply",
  "extension",
  "travelDocument",
  "transfer",
  "completion",
  "correspondence",
] as const;
export type StepName = (typeof stepNames)[number];

/** The steps each status allows; the log and the evidence are open until the request is complete. */
const stepsByStatus: Record<RequestStatus, StepName[]> = {
  awaiting_reply: ["reply", "extension", "correspondence"],
  agreed: ["travelDocument", "transfer", "correspondence"],
  deemed_agreed: ["travelDocument", "transfer", "correspondence"],
  transfer_arranged: ["travelDocument", "transfer", "completion", "correspondence"],
  refused: ["correspondence"],
  completed: ["correspondence"],
};

export function stepsOf(request: ReadmissionRequest): StepName[] {
  return stepsByStatus[request.status];
}

/** A failed step: its errors (hrefs point at the step's own field ids) and what was typed. */
export interface StepFailure {
  step: StepName | "evidence";
  errors: FieldError[];
  byField: Record<string, string>;
  values: Record<string, string>;
}

function prefixed(
  step: string | undefined,
  values: Record<string, string> | undefined,
): Record<string, string> {
  if (!step || !values) return {};
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [`${step}-${field}`, value]));
}

function facts(request: FastifyRequest, one: ReadmissionRequest, today: string) {
  const t = request.t;
  const date = (value: string | null) => shownDate(request, value);
  const rows: Array<[string, string]> = [
    [t("readmission.fields.direction"), t(`readmission.direction.${one.direction}`)],
    [t("readmission.fields.partnerState"), partnerName(request, one.partnerState)],
    [t("readmission.fields.partnerAuthority"), one.partnerAuthority],
    [t("readmission.fields.partnerReference"), one.partnerReference ?? "—"],
    [t("readmission.fields.agreement"), agreementOf(one).title[request.locale]],
    [t("readmission.fields.procedure"), t(`readmission.procedure.${one.procedure}`)],
    [t("readmission.fields.category"), t(`readmission.categories.${one.category}`)],
    [t("readmission.fields.fullName"), one.person.fullName],
    [t("readmission.fields.birthDate"), date(one.person.birthDate || null)],
    [t("readmission.fields.citizenship"), one.person.citizenship || "—"],
    [t("readmission.fields.documentNumber"), one.person.documentNumber || "—"],
    [t("readmission.fields.caseKnownOn"), date(one.caseKnownOn)],
    [t("readmission.fields.requestDue"), date(one.requestDue)],
    [t("readmission.fields.transmittedOn"), date(one.transmittedOn)],
    [
      t("readmission.fields.replyDue"),
      one.status === "awaiting_reply" ? dueText(request, today, one.replyDue) : date(one.replyDue),
    ],
  ];
  if (one.extendedReplyDue) {
    rows.push([
      t("readmission.fields.extendedReplyDue"),
      `${date(one.extendedReplyDue)} (+${one.extensionDays})`,
    ]);
  }
  if (one.replyOn)
    rows.push([
      t("readmission.fields.reply"),
      `${t(`readmission.decision.${one.replyDecision}`)}, ${date(one.replyOn)}`,
    ]);
  if (one.deemedAgreedOn) rows.push([t("readmission.fields.deemedAgreedOn"), date(one.deemedAgreedOn)]);
  if (one.travelDocumentDue) {
    rows.push([
      t("readmission.fields.travelDocumentDue"),
      one.travelDocumentIssuedOn
        ? `${t("readmission.request.issuedOn", { date: date(one.travelDocumentIssuedOn) })} (${one.travelDocumentNumber})`
        : dueText(request, today, one.travelDocumentDue),
    ]);
  }
  if (one.transferDue)
    rows.push([t("readmission.fields.transferDue"), dueText(request, today, one.transferDue)]);
  if (one.transferOn) {
    rows.push([
      t("readmission.fields.transfer"),
      `${date(one.transferOn)}, ${one.borderCrossingPoint} — ${one.escort}`,
    ]);
  }
  if (one.completedOn) rows.push([t("readmission.fields.completedOn"), date(one.completedOn)]);
  return rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }));
}

/** The request page: facts and deadlines, the correspondence log as a timeline, the steps open now. */
export function renderRequestPage(
  request: FastifyRequest,
  reply: FastifyReply,
  file: RequestFile,
  page: { today: string; done?: string | null; failure?: StepFailure },
) {
  const { t } = request;
  const one = file.request;
  const failure = page.failure;
  if (failure) reply.status(422);
  const agreement = agreementOf(one);
  return privatePage(reply).render("enforcement/readmission/request/request.njk", {
    title: t("readmission.request.title", { reference: one.reference }),
    request: one,
    status: t(`readmission.status.${one.status}`),
    lateRequest: one.transmittedOn > one.requestDue,
    facts: facts(request, one, page.today),
    replyDueInForce: effectiveReplyDue(one),
    timeline: file.correspondence.map((entry) => ({
      label: t(`readmission.log.${entry.kind}`),
      direction: t(`readmission.logDirection.${entry.direction}`),
      date: shownDate(request, entry.onDate),
      note:
        entry.kind === "deemed_agreement"
          ? t("readmission.log.deemedNote", { date: shownDate(request, entry.note) })
          : entry.note,
    })),
    evidence: file.evidence.map((item) => ({
      ...item,
      kind: t(`readmission.evidence.${item.evidenceKind}`),
    })),
    evidenceItems: (
      agreement.categories.find((category) => category.code === one.category)?.evidence ?? []
    ).map((item) => ({
      value: item.kind,
      text: `${t(`readmission.evidence.${item.kind}`)} (${t(`readmission.weight.${item.weight}`)})`,
    })),
    steps: stepsOf(one),
    correspondenceKindItems: correspondenceKinds.map((kind) => ({
      value: kind,
      text: t(`readmission.correspondenceKinds.${kind}`),
    })),
    done: page.done ? t(`readmission.done.${page.done}`) : null,
    errors: failure?.errors,
    // Keyed `<step>-<field>`, the ids of the fields: each step's form shows only its own.
    fieldErrors: prefixed(failure?.step, failure?.byField),
    fieldValues: prefixed(failure?.step, failure?.values),
  });
}
