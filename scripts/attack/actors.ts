import { demoEmail, demoPassword } from "../../src/demo/index.js";
import { currentTotpCode } from "../../src/modules/access/index.js";
import { systemClock } from "../../src/platform/clock/index.js";
import { type Answer, AttackBrowser } from "./browser.js";

export interface AttackOptions {
  baseUrl: string;
  /** TOTP secret of the demo auditor (printed by `karvan serve` in demo mode), to read the audit CSV. */
  auditorTotpSecret?: string | undefined;
}

/** The people the attacks play: the demo applicant and host, and the auditor when a code can be made. */
export interface Actors {
  applicant: AttackBrowser;
  host: AttackBrowser;
  auditor: AttackBrowser | null;
  /** A key of the host's, made on its API keys page. */
  hostKey: string | null;
  /** The first sign-in's answers, for the redirect and cookie checks. */
  signIns: { applicant: Answer; host: Answer };
  /** Unique per run, so that a second run against the same server meets fresh addresses. */
  runId: string;
}

export const demoAccounts = {
  applicant: demoEmail("applicant"),
  host: demoEmail("host_employer"),
  auditor: demoEmail("auditor"),
  password: demoPassword,
};

/** Signs in through the pages, as a person does; `next` is sent as the form sends it. */
export async function signIn(browser: AttackBrowser, email: string, password: string, next?: string) {
  await browser.get(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return browser.post("/sign-in", { email, password, ...(next ? { next } : {}) });
}

async function staffSignIn(options: AttackOptions, next: string): Promise<AttackBrowser | null> {
  if (!options.auditorTotpSecret) return null;
  const auditor = new AttackBrowser(options.baseUrl);
  const first = await signIn(auditor, demoAccounts.auditor, demoAccounts.password, next);
  if (first.status !== 303) return null;
  await auditor.get("/sign-in/code");
  const code = await currentTotpCode(options.auditorTotpSecret, systemClock);
  const second = await auditor.post("/sign-in/code", { code, next });
  return second.status === 303 ? auditor : null;
}

async function createHostKey(host: AttackBrowser, runId: string): Promise<string | null> {
  await host.get("/account/api-keys/new");
  const created = await host.post("/account/api-keys/new", {
    name: `Attack script ${runId}`,
    scopes: ["profile:read", "stay-registrations:read", "stay-registrations:write"],
    expiry: "30",
  });
  return /data-testid="api-key">(kvn_[^<]+)</.exec(created.body)?.[1] ?? null;
}

/**
 * Signs the demo accounts in. Each first sign-in carries an off-site `next`, so that the redirect
 * after signing in is attacked too without spending more of the per-address sign-in limit.
 */
export async function prepareActors(options: AttackOptions, evilNext: string[]): Promise<Actors> {
  const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const applicant = new AttackBrowser(options.baseUrl);
  const host = new AttackBrowser(options.baseUrl);
  const signIns = {
    applicant: await signIn(applicant, demoAccounts.applicant, demoAccounts.password, evilNext[0]),
    host: await signIn(host, demoAccounts.host, demoAccounts.password, evilNext[1]),
  };
  await applicant.get("/account");
  await host.get("/account");
  const hostKey = await createHostKey(host, runId);
  const auditor = await staffSignIn(options, "/audit");
  return { applicant, host, auditor, hostKey, signIns, runId };
}
