import { generate, generateSecret, generateURI, verify } from "otplib";
import type { Clock } from "../../platform/clock/index.js";

/** RFC 6238 TOTP: 6 digits, 30-second steps, one step of clock drift either way. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: "Karvan", label: accountName, secret });
}

export function currentTotpCode(secret: string, clock: Clock): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

/**
 * Checks a code; returns its time step when valid. A step at or before `lastUsedStep` is refused,
 * so that an observed code cannot be replayed.
 */
export async function verifyTotpCode(
  secret: string,
  code: string,
  clock: Clock,
  lastUsedStep: number | null,
): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(clock.now().getTime() / 1000),
    epochTolerance: 30,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  });
  if (!result.valid) return null;
  return "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}
