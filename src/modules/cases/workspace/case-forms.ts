import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../platform/errors/index.js";
import type { FieldError } from "../../../platform/http/index.js";
import { text as answerText } from "../definition/answers-schema.js";
import type { TransitionInput } from "../operations/transition-case.js";

/** What the officer typed into a form, kept when the form comes back (errors, a changed case). */
export interface TypedValues {
  outcome?: string;
  reasons?: string;
  documentCodes?: string[];
  message?: string;
  comment?: string;
  text?: string;
  officerId?: string;
  result?: string;
  /** A representative's portal account and role in the case. */
  email?: string;
  role?: string;
}

const maxText = 4000;

/** A field sent once (or several times: the first counts), as text; anything else is empty. */
const oneText = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z
    .string()
    .catch("")
    .transform((value) => value.slice(0, maxText * 2)),
);

/** A field sent any number of times (check boxes): its non-empty texts, at most 50. */
const texts = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
  z
    .array(z.unknown())
    .transform((all) =>
      all.filter((one): one is string => typeof one === "string" && one.length > 0).slice(0, 50),
    ),
);

const officerForm = z.object({
  outcome: oneText,
  reasons: oneText,
  documentCodes: texts,
  message: oneText,
  comment: oneText,
  text: oneText,
  officerId: oneText,
  result: oneText,
  email: oneText,
  role: oneText,
});

function text(value: unknown): string {
  return oneText.parse(value);
}

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

/** The version of the case the page showed; a missing or mangled one counts as stale. */
export function expectedSeqOf(body: Record<string, unknown>): number {
  const value = Number(text(body.expectedSeq));
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function typedValuesOf(body: Record<string, unknown>): TypedValues {
  return officerForm.parse(body);
}

export function transitionInputOf(values: TypedValues): TransitionInput {
  return {
    ...(values.outcome ? { outcome: values.outcome } : {}),
    reasons: values.reasons ?? "",
    documentCodes: values.documentCodes ?? [],
    message: values.message ?? "",
    comment: values.comment ?? "",
  };
}

/** Which field of a form an operation's refusal belongs to (else the form as a whole). */
const fieldOfCode: Record<string, string> = {
  documents_to_request: "documentCodes",
  outcome_required: "outcome",
  reasons_required: "reasons",
  comment_required: "comment",
  text_length: "text",
  officer_not_eligible: "officer",
  task_result: "result",
  representative_unknown: "email",
  representative_exists: "email",
  representative_role: "role",
  applicant_access_exists: "role",
};

export interface FormErrors {
  errors: FieldError[];
  byField: Record<string, string>;
}

/**
 * Turns a refusal the officer can act on (a rule of the case: 409 or 422; too many requests: 429)
 * into an error at the field of the form `formId`, or at the form itself; anything else (403, 404,
 * a failure) is thrown on to the error page. "Someone else changed the case" is handled by the caller.
 */
export function refusalAsFormErrors(error: unknown, request: FastifyRequest, formId: string): FormErrors {
  if (!(error instanceof DomainError) || ![409, 422, 429].includes(error.status)) throw error;
  const field = fieldOfCode[error.code];
  const id = field ? `${formId}-${field}` : formId;
  const message = request.t(error.messageKey, error.messageValues ?? {});
  return { errors: [{ field: id, href: `#${id}`, text: message }], byField: { [id]: message } };
}

/** The free-text fields of the officers' forms; `text` is a note or a message to the applicant. */
const freeTextFields = ["reasons", "message", "comment", "text"] as const;

/**
 * The answers' text schema (several lines allowed); its length is the operation's to judge, and an
 * empty field is left out.
 */
const freeTexts = z.object(
  Object.fromEntries(
    freeTextFields.map((field) => [
      field,
      z.preprocess(
        (value) => (typeof value === "string" && value.trim() !== "" ? value : undefined),
        answerText({ maxLength: Number.MAX_SAFE_INTEGER, multiline: true }).optional(),
      ),
    ]),
  ),
);

const freeTextProblems: Record<string, string> = {
  "cases.answers.controlCharacters": "hidden",
  "cases.answers.invisibleOnly": "invisible",
};

/**
 * The free-text rules every text input follows (no control or bidirectional characters, more
 * than invisible characters), checked before any operation runs so nothing is stored: an error at
 * each field that breaks them, or null. An empty field is left to the operation (required or not).
 */
export function freeTextErrorsOf(
  values: TypedValues,
  request: FastifyRequest,
  formId: string,
): FormErrors | null {
  const errors: FieldError[] = [];
  const byField: Record<string, string> = {};
  for (const issue of freeTexts.safeParse(values).error?.issues ?? []) {
    const field = String(issue.path[0]);
    const problem = freeTextProblems[issue.message];
    if (!problem) continue;
    const label = field === "text" ? (formId === "message" ? "message" : "note") : field;
    const id = `${formId}-${field}`;
    const text = request.t(`cases.errors.${problem}_${label}`);
    errors.push({ field: id, href: `#${id}`, text });
    byField[id] = text;
  }
  return errors.length > 0 ? { errors, byField } : null;
}

export function isCaseChanged(error: unknown): boolean {
  return error instanceof DomainError && error.code === "case_changed";
}
