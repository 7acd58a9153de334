import { type AttackOptions, prepareActors } from "./actors.js";
import { AttackBrowser } from "./browser.js";
import {
  attackDecidedMessages,
  attackForeignCases,
  attackUploads,
  registerGuest,
  startDraft,
} from "./cases.js";
import { attackCsvFiles } from "./csv-injection.js";
import type { Finding } from "./findings.js";
import { attackApiKeyOnPages, attackForeignOrigin } from "./origin-and-keys.js";
import { attackRedirects } from "./redirects.js";
import { attackForgotPassword, attackHeaders, attackMetrics, attackThrottle } from "./sign-in.js";
import { attackSignUp } from "./sign-up.js";

/** The off-site `next` each demo account's first sign-in carries. */
const evilNext = ["/x/..//evil.example/", "/\\evil.example"];

/**
 * Every attack, against a Karvan in demo mode at `baseUrl`, as a hostile user, a careless host and a
 * curious insider would try them. Sign-in attempts stay within one address's limit of ten a minute,
 * and the guessing burst comes last (it makes the applicant's address wait a minute from this
 * network): leave a minute between two runs. A run leaves an empty draft of the applicant's, a
 * decided guest registration and a 30-day key of the host's, and signs up one new address three
 * times (a network may sign up 20 an hour); the documents it uploads are removed again.
 */
export async function runAttacks(options: AttackOptions): Promise<Finding[]> {
  const anonymous = new AttackBrowser(options.baseUrl);
  const actors = await prepareActors(options, evilNext);
  const findings: Finding[] = [];
  findings.push(...(await attackSignUp(options.baseUrl, actors.runId)));
  findings.push(...(await attackRedirects(actors, anonymous, evilNext)));
  const draftId = await startDraft(actors.applicant);
  const guestCaseId = await registerGuest(actors);
  findings.push(await attackUploads(actors.applicant, draftId));
  findings.push(...(await attackDecidedMessages(actors.host, guestCaseId)));
  findings.push(...(await attackForeignCases(actors, draftId, guestCaseId)));
  findings.push(...(await attackForeignOrigin(actors, draftId)));
  findings.push(...(await attackApiKeyOnPages(actors)));
  findings.push(...(await attackCsvFiles(anonymous, actors.auditor)));
  findings.push(await attackForgotPassword(options.baseUrl, actors.runId));
  findings.push(...(await attackHeaders(actors, anonymous)));
  findings.push(await attackMetrics(anonymous));
  findings.push(...(await attackThrottle(actors)));
  return findings;
}
