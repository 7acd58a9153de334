import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Clock } from "../clock/index.js";
import { type Queryable, queryRows } from "../db/index.js";
import { DomainError } from "../errors/index.js";

export interface RateLimit {
  /** Names the counter; keys of different limits never meet. */
  name: string;
  /** Requests allowed in one window. */
  max: number;
  windowSeconds: number;
  /** The refusal's machine-readable code and the translation key of its message. */
  code: string;
  messageKey: string;
}

/**
 * Too many requests for one account or address: 429 with `retryAfterSeconds` in its details (the
 * error handler turns it into a `Retry-After` header) and `{{minutes}}` for the message.
 */
export class RateLimitedError extends DomainError {
  constructor(
    limit: Pick<RateLimit, "code" | "messageKey">,
    readonly retryAfterSeconds: number,
  ) {
    super(
      limit.code,
      429,
      limit.messageKey,
      { retryAfterSeconds },
      {
        minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
      },
    );
    this.name = "RateLimitedError";
  }
}

/** Keys are e-mail and network addresses: the table keeps only their hashes. */
function counterKey(limit: RateLimit, key: string): string {
  return `${limit.name}:${createHash("sha256").update(key).digest("base64url")}`;
}

/** Expired windows removed whenever a new one opens: the table never holds many more than are open. */
const sweepBatch = 100;

/**
 * Counts one request of `key` against `limit` and refuses it (RateLimitedError) once the window
 * holds more than `max`. The counter is a row of `rate_limit_windows` changed by one atomic
 * statement, so parallel requests and several instances count together; refused requests count
 * too, so that hammering does not open the next window any sooner.
 */
export async function hitRateLimit(
  db: Queryable,
  clock: Clock,
  limit: RateLimit,
  key: string,
): Promise<void> {
  const now = clock.now();
  const ends = new Date(now.getTime() + limit.windowSeconds * 1000);
  const [row] = await queryRows<{ hits: number; ends_at: Date | string; opened: boolean }>(
    db,
    sql`insert into rate_limit_windows as w (key, hits, ends_at)
        values (${counterKey(limit, key)}, 1, ${ends.toISOString()})
        on conflict (key) do update set
          hits = case when w.ends_at <= ${now.toISOString()} then 1 else w.hits + 1 end,
          ends_at = case when w.ends_at <= ${now.toISOString()} then excluded.ends_at else w.ends_at end
        returning hits, ends_at, hits = 1 as opened`,
  );
  if (!row) throw new Error("the rate limit counter returned no row");
  if (row.opened) {
    await db.execute(
      sql`delete from rate_limit_windows where key in (
            select key from rate_limit_windows where ends_at <= ${now.toISOString()} limit ${sweepBatch})`,
    );
  }
  if (row.hits <= limit.max) return;
  const endsAt = new Date(row.ends_at);
  throw new RateLimitedError(limit, Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000)));
}
