import { type Actors, demoAccounts, signIn } from "./actors.js";
import { AttackBrowser } from "./browser.js";
import { type Finding, verdict } from "./findings.js";

/** Failures a stranger sends for the owner's address: past the free ones, so that waiting starts. */
const burst = 5;

/** The confirmation, with the typed address taken out, is all a stranger may compare. */
async function forgotPassword(browser: AttackBrowser, email: string) {
  await browser.get("/forgot-password");
  const answer = await browser.post("/forgot-password", { email });
  const location = browser.header(answer, "location");
  const shape = answer.body.replaceAll(email, "<address>").replace(/name="_csrf" value="[^"]+"/g, "");
  return { status: answer.status, location, shape };
}

export async function attackForgotPassword(baseUrl: string, runId: string): Promise<Finding> {
  const browser = new AttackBrowser(baseUrl);
  const known = await forgotPassword(browser, demoAccounts.applicant);
  const unknown = await forgotPassword(browser, `nobody-${runId}@demo.karvan.az`);
  const same =
    known.status === unknown.status && known.location === unknown.location && known.shape === unknown.shape;
  return verdict(
    "forgot-password answers alike",
    "known and unknown address",
    same,
    `${known.status} → ${known.location || "-"} / ${unknown.status} → ${unknown.location || "-"}`,
  );
}

/**
 * A stranger guesses the applicant's password from the same network until it must wait; the owner,
 * in the browser that signed in before, signs out and back in with the right password at once.
 */
export async function attackThrottle(actors: Actors): Promise<Finding[]> {
  const point = "sign-in throttling";
  const stranger = new AttackBrowser(actors.applicant.baseUrl);
  const statuses: number[] = [];
  for (let attempt = 0; attempt < burst; attempt++)
    statuses.push((await signIn(stranger, demoAccounts.applicant, `wrong-guess-${attempt}-password`)).status);
  const guessed = await signIn(stranger, demoAccounts.applicant, demoAccounts.password);
  await actors.applicant.get("/account");
  await actors.applicant.post("/sign-out", {});
  const owner = await signIn(actors.applicant, demoAccounts.applicant, demoAccounts.password);
  const location = actors.applicant.header(owner, "location");
  return [
    verdict(
      point,
      `${burst} wrong passwords, then the right one from a new browser`,
      guessed.status !== 303,
      `answers ${statuses.join(" ")}, then ${guessed.status} (must wait)`,
    ),
    verdict(
      point,
      "then the owner, from the browser used before",
      owner.status === 303 && !location.startsWith("/sign-in"),
      `${owner.status} → ${location}`,
    ),
  ];
}

function cookieFlags(line: string, baseUrl: string): { held: boolean; note: string } {
  const name = line.split("=")[0] ?? "";
  const httpOnly = /;\s*httponly/i.test(line);
  const sameSite = /;\s*samesite=(lax|strict)/i.exec(line)?.[1];
  const secure = /;\s*secure/i.test(line);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(new URL(baseUrl).hostname);
  const held = httpOnly && !!sameSite && (secure || local);
  const secureNote = secure ? "Secure" : local ? "no Secure (local plain HTTP: development)" : "no Secure";
  return {
    held,
    note: `${name}: ${httpOnly ? "HttpOnly" : "no HttpOnly"}, SameSite=${sameSite ?? "none"}, ${secureNote}`,
  };
}

export async function attackHeaders(actors: Actors, anonymous: AttackBrowser): Promise<Finding[]> {
  const point = "security headers";
  const findings: Finding[] = [];
  for (const path of ["/", "/sign-in", "/account"]) {
    const browser = path === "/account" ? actors.host : anonymous;
    const answer = await browser.get(path);
    const csp = browser.header(answer, "content-security-policy");
    const frames =
      /frame-ancestors\s+'none'/.test(csp) ||
      /deny|sameorigin/i.test(browser.header(answer, "x-frame-options"));
    const nosniff = browser.header(answer, "x-content-type-options") === "nosniff";
    const scripts = /script-src\s+[^;]*'unsafe-inline'/.test(csp);
    findings.push(
      verdict(
        point,
        `GET ${path}: CSP, framing, nosniff`,
        csp !== "" && frames && nosniff && !scripts,
        `CSP ${csp ? "set" : "missing"}, framing ${frames ? "denied" : "allowed"}, ${nosniff ? "nosniff" : "sniffing allowed"}`,
      ),
    );
  }
  const lines = [...actors.signIns.applicant.setCookies, ...actors.signIns.host.setCookies];
  for (const name of ["karvan_session", "karvan_device"]) {
    const line = lines.find((one) => one.startsWith(`${name}=`));
    if (!line) {
      findings.push(verdict(point, `${name} cookie flags`, false, "not set at sign-in"));
      continue;
    }
    const { held, note } = cookieFlags(line, actors.applicant.baseUrl);
    findings.push(verdict(point, `${name} cookie flags`, held, note));
  }
  return findings;
}

export async function attackMetrics(anonymous: AttackBrowser): Promise<Finding> {
  const point = "/metrics without token";
  const demo = (await anonymous.get("/demo/outbox")).status !== 404;
  const open = await anonymous.get("/metrics");
  const wrong = await anonymous.get("/metrics", { authorization: "Bearer not-the-token-not-the-token" });
  if (open.status === 200 && demo)
    return {
      point,
      attack: "GET /metrics",
      result: "skipped",
      note: "demo mode serves /metrics openly, as documented",
    };
  return verdict(
    point,
    "GET /metrics, then with a wrong token",
    open.status !== 200 && wrong.status !== 200,
    `${open.status} / ${wrong.status}`,
  );
}
