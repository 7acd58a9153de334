import type { FastifyRequest } from "fastify";
import { type FieldError, formError } from "../../../platform/http/index.js";

// What the sign-up, sign-in, password reset and account pages share.

/** Guessing and e-mail sending pages: a per-address limit on top of the per-account throttle. */
export const perAddressLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };
export const hidden = { hide: true };

export const view = (name: string) => `access/views/auth/${name}.njk`;

/** A submitted text field, to show again after an error (never used for passwords). */
export function typed(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

export function homeOf(kind: "public" | "staff"): string {
  return kind === "staff" ? "/staff" : "/account";
}

type FormErrors = {
  errors: FieldError[];
  errorsByField: Record<string, string>;
};

export function oneError(field: string, text: string): FormErrors {
  const result = formError(field, text);
  return result.ok
    ? { errors: [], errorsByField: {} }
    : { errors: result.errors, errorsByField: result.byField };
}

/** The session this browser holds now, signed in or half-way through the second factor. */
export function currentSession(request: FastifyRequest): { userId: string; sessionIdHash: string } | null {
  if (request.principal?.sessionIdHash) {
    return { userId: request.principal.userId, sessionIdHash: request.principal.sessionIdHash };
  }
  return request.pendingMfa;
}
