import { createHash, randomInt } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Clock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { recoveryCodes } from "../schema.js";

export const recoveryCodeCount = 10;

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i), so codes can be typed from paper. */
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
const codeLength = 10;

/** Codes are shown as "abcde-fghjk"; people may type them with or without the dash, in any case. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  const normalised = normaliseRecoveryCode(input);
  return normalised.length === codeLength && [...normalised].every((letter) => alphabet.includes(letter));
}

/**
 * 10 characters from 31 give about 50 bits and each code works once, so SHA-256 is enough:
 * a slow hash would add nothing against guessing that the sign-in throttle already limits.
 */
function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`karvan-recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}

function newRecoveryCode(): string {
  const letters = Array.from({ length: codeLength }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/** Replaces every recovery code of the user with a fresh set; returns the codes to show once. */
export async function replaceRecoveryCodes(db: Queryable, clock: Clock, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const now = clock.now();
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })));
  return codes;
}

/** Uses up one recovery code; false when it is not one of the user's unused codes. */
export async function useRecoveryCode(
  db: Queryable,
  clock: Clock,
  userId: string,
  code: string,
): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: clock.now() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.count ?? 0);
}
