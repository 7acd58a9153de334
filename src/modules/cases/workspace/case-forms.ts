import type { FastifyRequest } from "fastify";
import {
  DomainError,
  type FieldError,
  hasHiddenOrControlCharacters,
  isInvisibleOnly,
} from "../../../platform/http/index.js";
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
}

const maxText = 4000;

function text(value: unknown): string {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? one.slice(0, maxText * 2) : "";
}

function list(value: unknown): string[] {
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((one): one is string => typeof one === "string" && one.length > 0).slice(0, 50);
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
  return {
    outcome: text(body.outcome),
    reasons: text(body.reasons),
    documentCodes: list(body.documentCodes),
    message: text(body.message),
    comment: text(body.comment),
    text: text(body.text),
    officerId: text(body.officerId),
    result: text(body.result),
  };
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
  for (const field of freeTextFields) {
    const value = (values[field] ?? "").trim();
    if (value === "") continue;
    const problem = hasHiddenOrControlCharacters(value, true)
      ? "hidden"
      : isInvisibleOnly(value)
        ? "invisible"
        : null;
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
