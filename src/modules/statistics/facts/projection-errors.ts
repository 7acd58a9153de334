/** A case whose statistics could not be computed or written, with what an administrator reads beside it. */
export interface FailedCase {
  caseId: string;
  error: string;
}

/** PostgreSQL error classes that say nothing about the case: connection, rollback, resources, shutdown. */
const TRANSIENT_SQLSTATE = /^(08|40|53|57|58)/;

/** The driver's own error under Drizzle's wrapper (whose message repeats the query and its values). */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined && current.cause !== current) {
    current = current.cause;
  }
  return current;
}

/** A database error that is no fault of a case: the whole pass or rebuild fails and is taken again. */
export function isTransient(error: unknown): boolean {
  const code = (rootCause(error) as { code?: unknown } | null)?.code;
  return typeof code === "string" && TRANSIENT_SQLSTATE.test(code);
}

/** What an administrator reads beside a parked case: the cause, with its SQLSTATE when it has one. */
export function describeProjectionError(error: unknown): string {
  const cause = rootCause(error);
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return typeof code === "string" ? `${cause.message} [${code}]` : cause.message;
}
