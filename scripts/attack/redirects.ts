import type { Actors } from "./actors.js";
import type { Answer, AttackBrowser } from "./browser.js";
import { type Finding, shown, verdict } from "./findings.js";

const point = "open redirect";

/** Where `next=` and `?lang=` are pointed: off-site once a browser or a server normalises them. */
const offSiteTargets = [
  "/x/..//evil.example/",
  "/%2f%2fevil.example",
  "/%2F%2Fevil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "/%5cevil.example",
];

/**
 * A redirect stays on this service when the browser, which drops tabs and line breaks and reads
 * `\` as `/`, still sees one leading slash, or an absolute address of this very origin.
 */
export function staysHere(location: string, baseUrl: string): boolean {
  if (location === "") return true;
  const asBrowserReads = location.replace(/[\t\n\r]/g, "").replaceAll("\\", "/");
  if (/^\/(?!\/)/.test(asBrowserReads)) return true;
  try {
    return (
      new URL(asBrowserReads, baseUrl).origin === new URL(baseUrl).origin && /^https?:/i.test(asBrowserReads)
    );
  } catch {
    return false;
  }
}

function redirectHeld(answer: Answer, browser: AttackBrowser): boolean {
  const location = browser.header(answer, "location");
  if (answer.status >= 300 && answer.status < 400) return staysHere(location, browser.baseUrl);
  return answer.status < 500;
}

async function langRedirects(browser: AttackBrowser): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const target of offSiteTargets.filter((one) => one.startsWith("/") || one.startsWith("\\"))) {
    const path = `${target.replace("\t", "%09")}${target.endsWith("/") ? "" : "/"}?lang=en`;
    const answer = await browser.get(path);
    const location = browser.header(answer, "location");
    findings.push(
      verdict(
        point,
        `GET ${shown(path, 40)}`,
        redirectHeld(answer, browser),
        `${answer.status} ${shown(location, 30)}`,
      ),
    );
  }
  return findings;
}

/** The sign-in form must not carry an off-site `next` into its hidden field. */
async function signInForms(browser: AttackBrowser): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const target of offSiteTargets) {
    const answer = await browser.get(`/sign-in?next=${encodeURIComponent(target)}`);
    const kept = /name="next" value="([^"]*)"/.exec(answer.body)?.[1] ?? "";
    const held = answer.status < 500 && (kept === "" || staysHere(decodeEntities(kept), browser.baseUrl));
    findings.push(
      verdict(
        point,
        `sign-in form next=${shown(target, 30)}`,
        held,
        `next kept: ${shown(kept, 30) || "none"}`,
      ),
    );
  }
  return findings;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&#x2F;", "/")
    .replaceAll("&#47;", "/")
    .replaceAll("&#92;", "\\")
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"');
}

export async function attackRedirects(actors: Actors, anonymous: AttackBrowser, evilNext: string[]) {
  const afterSignIn = (
    [
      ["applicant", actors.signIns.applicant, actors.applicant],
      ["host", actors.signIns.host, actors.host],
    ] as const
  ).map(([who, answer, browser], index) =>
    verdict(
      point,
      `sign in as ${who} with next=${shown(evilNext[index] ?? "", 30)}`,
      answer.status === 303 && redirectHeld(answer, browser),
      `${answer.status} → ${shown(browser.header(answer, "location"), 30)}`,
    ),
  );
  return [...afterSignIn, ...(await signInForms(anonymous)), ...(await langRedirects(anonymous))];
}
