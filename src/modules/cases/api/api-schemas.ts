import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../platform/errors/index.js";
import { apiErrorSchema } from "../../../platform/http/index.js";
import { apiRateLimit, apiRequestsPerMinute } from "../../access/index.js";
import { describeAnswers } from "../definition/answers-schema.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { requiredDocuments } from "../definition/validate-answers.js";
import type { AttachedDocument, CaseState } from "../engine/case-state.js";
import { feeDue } from "../operations/submit-application.js";
import { caseStatus, caseStatusSchema } from "./case-status.js";

/** The error body of every JSON API answer (the platform's error handler writes it). */
const apiError = apiErrorSchema(
  "`answers_invalid` (422) lists `details.problems`: `{ item, field, messageKey, message, values }` " +
    "for each answer that is missing or not valid (`item`, the index in a batch, only on batch endpoints; " +
    "`values`, when the message names a limit, such as the earliest date allowed); `invalid_characters` (422) " +
    "lists in the same shape the fields holding characters that cannot be stored (a NUL); " +
    "`documents_missing` (422) lists `details.missing` document codes. A body that is not JSON is 400 " +
    "`json_invalid`, one nested deeper than 32 levels 400 `json_too_deep`, one of the wrong shape 400 " +
    "`validation_failed`.",
);

export const errorResponses = {
  400: apiError,
  401: apiError,
  403: apiError,
  404: apiError,
  409: apiError,
  422: apiError,
  429: apiError,
};

export const limits =
  `Each key may make ${apiRequestsPerMinute} requests a minute to each endpoint; beyond that the answer ` +
  "is 429 with a `Retry-After` header.";

/** Route settings shared by the step-by-step routes: keys and sessions, rate-limited per key. */
export const applicationRoute = {
  tags: ["Applications"],
  security: [{ apiKey: [] }],
};
export const rateLimited = { rateLimit: apiRateLimit };

export const caseParams = z.object({
  id: z.uuid().describe("The application's id, as returned when it was started"),
});

export const expectedSeq = z
  .number()
  .int()
  .min(0)
  .describe(
    "The application's `seq` as you last saw it: if it changed since (another request, an officer), " +
      "the answer is 409 `case_changed`; read the application again and retry.",
  );

const documentSchema = z.object({
  id: z.string().describe("Document id, for downloading or removing it"),
  code: z.string().describe("The requirement of the case type the document meets"),
  fileName: z.string(),
  mediaType: z.string().describe("application/pdf, image/jpeg or image/png, checked by content"),
  size: z.number().int().describe("Bytes"),
  sha256: z.string(),
  attachedAt: z.string().describe("ISO 8601 instant"),
});

export const attachedDocumentSchema = documentSchema.extend({
  seq: z.number().int().describe("The application's `seq` after the upload"),
});

export function documentView(document: AttachedDocument) {
  return {
    id: document.documentId,
    code: document.code,
    fileName: document.fileName,
    mediaType: document.mediaType,
    size: document.size,
    sha256: document.sha256,
    attachedAt: document.attachedAt,
  };
}

/** What the applicant (or the employer's system) sees of its own application while preparing it. */
export const applicationSchema = caseStatusSchema
  .extend({
    seq: z
      .number()
      .int()
      .describe("Version of the application: send it as `expectedSeq` with the next change"),
    answers: z.record(z.string(), z.unknown()).describe("The answers saved so far, by question name"),
    documents: z.array(documentSchema).describe("Documents attached, in the order they were attached"),
    requiredDocuments: z
      .array(z.string())
      .describe("Codes of the documents the case type needs, given the answers so far"),
    missingDocuments: z.array(z.string()).describe("Required documents not attached yet"),
    fee: z.object({
      amountMinor: z
        .number()
        .int()
        .describe("The fee due, in the currency's minor unit, as an integer (cents, qəpik, fils)"),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .describe("ISO 4217 code: the country's currency"),
      expressTier: z.string().nullable().describe("The express tier chosen; null for standard processing"),
      expressTiers: z.array(z.string()).describe("Codes of the express tiers this case type offers"),
      paid: z.boolean(),
    }),
  })
  .describe("An application as its applicant may see it");

export type ApplicationView = z.infer<typeof applicationSchema>;

export function applicationView(state: CaseState, definition: CaseTypeDefinition): ApplicationView {
  const required = requiredDocuments(definition, state.answers);
  const attached = new Set(state.documents.map((document) => document.code));
  return {
    ...caseStatus(state),
    seq: state.lastSeq,
    answers: state.answers,
    documents: state.documents.map(documentView),
    requiredDocuments: required,
    missingDocuments: required.filter((code) => !attached.has(code)),
    fee: {
      amountMinor: feeDue(definition, state.expressTier),
      currency: definition.fee.currency,
      expressTier: state.expressTier,
      expressTiers: definition.fee.expressTiers.map((tier) => tier.code),
      paid: state.feePaid,
    },
  };
}

/** Problems of the answers with their messages in the caller's language; `batch` keeps each item's index. */
export async function withReadableProblems<T>(
  request: FastifyRequest,
  work: () => Promise<T>,
  options: { batch?: boolean } = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "answers_invalid") throw error;
    throw readableProblems(
      request,
      (error.details?.problems ?? []) as AnswerProblemOfItem[],
      options.batch ?? false,
    );
  }
}

interface AnswerProblemOfItem {
  item?: number;
  field: string;
  messageKey: string;
  values?: Record<string, string>;
}

export function readableProblems(
  request: FastifyRequest,
  problems: AnswerProblemOfItem[],
  batch = false,
): DomainError {
  return new DomainError("answers_invalid", 422, "cases.errors.answers_invalid", {
    problems: problems.map(({ item, field, messageKey, values }) => ({
      ...(batch ? { item } : {}),
      field,
      messageKey,
      message: request.t(messageKey, values ?? {}),
      ...(values ? { values } : {}),
    })),
  });
}

/**
 * The answers in a request body. Any object passes the door: each answer is checked by the case
 * type's compiled schema in the operation, which answers 422 `answers_invalid` with a problem per
 * question (a 400 would say nothing of which question). The OpenAPI document describes the body by
 * the same compiled schema, one per case type; `page` for one page's answers (any of its questions).
 */
export function answersBody(
  definitions: CaseTypeDefinition[],
  description: string,
  options: { page?: boolean } = {},
) {
  return z.record(z.string(), z.unknown()).meta({
    description,
    anyOf: definitions.map((definition) => describeAnswers(definition, { partial: options.page ?? false })),
  });
}
