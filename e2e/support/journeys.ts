import type { Page } from "playwright-core";
import { expect } from "vitest";
import { listDemoAccounts } from "../../src/demo/index.js";
import { currentTotpCode } from "../../src/modules/access/index.js";
import { systemClock } from "../../src/platform/clock/index.js";
import { listOutbox } from "../../src/platform/mail/index.js";
import { expectAccessible } from "./browser.js";
import type { RunningKarvan } from "./karvan-server.js";

/** The first link in the newest outbox message to this address (as a newcomer reads it from data/outbox). */
export async function linkFromOutbox(karvan: RunningKarvan, to: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const message = listOutbox(karvan.outboxDir).find((entry) => entry.to.includes(to));
    const link = message && /https?:\/\/\S+/.exec(message.text)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no e-mail with a link to ${to} in ${karvan.outboxDir}`);
}

/** A TOTP code for a secret, waiting for a fresh 30-second step so no test replays a used code. */
export async function freshTotpCode(secret: string, used: Set<string>): Promise<string> {
  for (;;) {
    const code = await currentTotpCode(secret, systemClock);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function demoTotpSecret(
  karvan: RunningKarvan,
  role: string,
): Promise<{ email: string; secret: string }> {
  const accounts = await listDemoAccounts(karvan.karvan.database.db, karvan.karvan.config.fileKey);
  const account = accounts.find((one) => one.role === role);
  if (!account?.totpSecret) throw new Error(`no demo staff account for ${role}`);
  return { email: account.email, secret: account.totpSecret };
}

/** Signs a demo staff member in through the real pages: password, then the authenticator code. */
export async function signInAsDemoStaff(page: Page, karvan: RunningKarvan, role: string, used: Set<string>) {
  const { email, secret } = await demoTotpSecret(karvan, role);
  await page.goto(`${karvan.baseUrl}/sign-in?lang=en`);
  await expectAccessible(page);
  await page.fill("#email", email);
  await page.fill("#password", "Karvan-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("h1").textContent()).resolves.toBe("Enter your security code");
  await expectAccessible(page);
  await page.fill("#code", await freshTotpCode(secret, used));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/staff/);
  await expectAccessible(page);
}
