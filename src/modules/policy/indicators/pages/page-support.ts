import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError, NotFoundError } from "../../../../platform/errors/index.js";
import type { FieldError } from "../../../../platform/http/index.js";
import type { Guard } from "../../../access/index.js";

/** The address of one indicator: its code. */
export const codeParams = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80),
});
export type CodeRequest = FastifyRequest<{ Params: { code: string } }>;

/** A staff page behind `guard`, left out of the API description. */
export function staffPage(guard: Guard) {
  return { preHandler: guard, schema: { hide: true } };
}

/** A staff page of one indicator: a malformed code answers as an unknown one (404), after the guard. */
export function indicatorPage(guard: Guard) {
  return {
    preHandler: [
      guard,
      async (request: FastifyRequest) => {
        if (request.validationError) throw new NotFoundError("policy_indicator_not_found");
      },
    ],
    schema: { hide: true, params: codeParams },
    attachValidation: true,
  };
}

export function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim().slice(0, 200) : "";
}

/** What was typed, as text, to show again beside the errors. */
export function typedValues(body: unknown, fields: readonly string[]): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => [field, typeof form[field] === "string" ? (form[field] as string) : ""]),
  );
}

export type FormErrors = { errors: FieldError[]; byField: Record<string, string>; code?: string };

/**
 * A refusal of the operation shown at the field it concerns with its machine-readable code (422, 409);
 * a refusal of access, an unknown record or a failure go on to the error handler.
 */
export function refusalAt(
  request: FastifyRequest,
  error: unknown,
  field: string,
): (FormErrors & { status: number }) | null {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404 || error.status === 403)
    return null;
  const text = request.t(error.messageKey, error.messageValues ?? {});
  return {
    errors: [{ field, href: `#${field}`, text }],
    byField: { [field]: text },
    code: error.code,
    status: error.status,
  };
}
