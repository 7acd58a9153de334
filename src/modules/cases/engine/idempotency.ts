import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { caseIdempotencyKeys } from "../schema.js";

/** After this long an in-flight key is taken to be abandoned (a crashed request) and may be retried. */
const abandonedAfterMs = 60_000;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonical(body)).digest("hex");
}

/**
 * Runs `work` once per (owner, key): a repeat of a finished request gets the same case back; a
 * repeat while the first is still running gets 409; the same key with a different body gets 422.
 * The key is claimed in its own short transaction so that a concurrent repeat sees it at once.
 */
export async function onceForKey(
  db: Database,
  clock: Clock,
  scope: { ownerId: string; key: string | undefined; body: unknown },
  work: () => Promise<{ caseId: string }>,
): Promise<{ caseId: string; repeated: boolean }> {
  const { ownerId, key } = scope;
  if (!key) return { ...(await work()), repeated: false };
  if (key.length > 200)
    throw new DomainError("idempotency_key_invalid", 400, "cases.errors.idempotency_key_invalid");
  const hash = requestHash(scope.body);
  const now = clock.now();
  const claimed = await db
    .insert(caseIdempotencyKeys)
    .values({ ownerId, key, requestHash: hash, status: "in_flight", createdAt: now })
    .onConflictDoNothing()
    .returning({ key: caseIdempotencyKeys.key });
  if (claimed.length === 0) {
    const [existing] = await db
      .select()
      .from(caseIdempotencyKeys)
      .where(and(eq(caseIdempotencyKeys.ownerId, ownerId), eq(caseIdempotencyKeys.key, key)));
    if (!existing) throw new ConflictError("idempotency_in_flight", "cases.errors.idempotency_in_flight");
    if (existing.requestHash !== hash) {
      throw new DomainError("idempotency_key_reused", 422, "cases.errors.idempotency_key_reused");
    }
    if (existing.status === "done" && existing.caseId) return { caseId: existing.caseId, repeated: true };
    const abandoned = await db
      .update(caseIdempotencyKeys)
      .set({ createdAt: now })
      .where(
        and(
          eq(caseIdempotencyKeys.ownerId, ownerId),
          eq(caseIdempotencyKeys.key, key),
          eq(caseIdempotencyKeys.status, "in_flight"),
          lt(caseIdempotencyKeys.createdAt, new Date(now.getTime() - abandonedAfterMs)),
        ),
      )
      .returning({ key: caseIdempotencyKeys.key });
    if (abandoned.length === 0)
      throw new ConflictError("idempotency_in_flight", "cases.errors.idempotency_in_flight");
  }
  try {
    const result = await work();
    await db
      .update(caseIdempotencyKeys)
      .set({ status: "done", caseId: result.caseId })
      .where(and(eq(caseIdempotencyKeys.ownerId, ownerId), eq(caseIdempotencyKeys.key, key)));
    return { ...result, repeated: false };
  } catch (error) {
    await db
      .delete(caseIdempotencyKeys)
      .where(and(eq(caseIdempotencyKeys.ownerId, ownerId), eq(caseIdempotencyKeys.key, key)));
    throw error;
  }
}
