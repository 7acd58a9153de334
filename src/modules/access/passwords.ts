import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export const minimumPasswordLength = 12;
export const maximumPasswordLength = 256;

const commonPasswords = new Set(
  (dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()),
);

export type PasswordProblem = "too_short" | "too_long" | "common";

/** ASVS 2.1: length, not composition rules; refuse passwords found in breach-derived lists. */
export function passwordProblem(password: string, context: string[] = []): PasswordProblem | null {
  if (password.length < minimumPasswordLength) return "too_short";
  if (password.length > maximumPasswordLength) return "too_long";
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return "common";
  // A password that is a common one repeated or padded with digits is just as guessable.
  const stripped = lowered.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  if (stripped.length < 4 || commonPasswords.has(stripped)) return "common";
  if (context.some((word) => word.length >= 4 && lowered.includes(word.toLowerCase()))) return "common";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("karvan-decoy-password-never-matches");
  return decoyHash;
}
