/**
 * Whether an error says the database cannot be reached at the moment (rather than that a query
 * was wrong): the server refuses or drops connections, shuts down or restarts, the pool was
 * closed, or the embedded database is closed. Such a request may well succeed a little later, so
 * it is answered 503 with Retry-After, not 500. Drizzle wraps the driver's error (`cause`); a
 * connection to several addresses fails with an AggregateError of one error per address.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(
    (cause) =>
      (typeof cause.code === "string" &&
        (networkCodes.has(cause.code) || unavailableSqlState.test(cause.code))) ||
      unavailableMessages.some((pattern) => pattern.test(cause.message ?? "")),
  );
}

/** Node's socket errors when the server is not there or went away. */
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

/**
 * SQLSTATE: class 08 connection exceptions; 57P01–57P03 administrator or crash shutdown, cannot
 * connect now (starting up, recovering); 3D000 the database does not exist (dropped); 53300 too
 * many connections.
 */
const unavailableSqlState = /^(08...|57P0[1-3]|3D000|53300)$/;

/** What node-postgres's pool and client, and PGlite, say without a code. */
const unavailableMessages = [
  /^Connection terminated/,
  /^Cannot use a pool after calling end on the pool$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
  /^PGlite is closed$/,
];

interface ErrorLike {
  code?: unknown;
  message?: string;
}

function causes(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && found.length < 16) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null) continue;
    found.push(current as ErrorLike);
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    if (cause !== undefined && cause !== current) pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return found;
}
