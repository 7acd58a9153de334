import type { FastifyRequest } from "fastify";
import { DomainError } from "../../../platform/errors/index.js";
import type { FieldError } from "../../../platform/http/index.js";
import { formatLongDate } from "../../cases/index.js";
import type { Centre } from "./detention-records.js";

export function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim().slice(0, 200) : "";
}

/** What the officer typed, as text, to show again beside the errors. */
export function typedValues(body: unknown, fields: readonly string[]): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => [field, typeof form[field] === "string" ? (form[field] as string) : ""]),
  );
}

export type FormErrors = { errors: FieldError[]; byField: Record<string, string> };

/**
 * A refusal of the operation (a limit of the law, a person the register cannot decide) shown at the
 * field it concerns, with its machine-readable code; anything else goes to the error handler.
 */
export function refusalAt(
  request: FastifyRequest,
  error: unknown,
  field: string,
): (FormErrors & { code: string; status: number }) | null {
  if (
    !(error instanceof DomainError) ||
    error.status >= 500 ||
    error.status === 404 ||
    error.status === 403
  ) {
    return null;
  }
  const text = request.t(error.messageKey, error.messageValues ?? {});
  return {
    errors: [{ field, href: `#${field}`, text }],
    byField: { [field]: text },
    code: error.code,
    status: error.status,
  };
}

export function longDate(request: FastifyRequest, date: string | null): string {
  return date ? formatLongDate(date, request.locale) : "—";
}

export function centreName(request: FastifyRequest, centre: Centre | null | undefined): string {
  if (!centre) return "—";
  return centre.names[request.locale];
}
