import { AttackBrowser } from "./browser.js";
import { formulaName } from "./csv-injection.js";
import { type Finding, shown, verdict } from "./findings.js";

const password = "river-lantern-copper-47";

/** Names that read differently from what they hold: direction overrides, isolates and marks. */
const disguisedNames = ["Leyla \u202Eavodammam", "Leyla\u200F Mammadova", "\u2066Amina\u2069 Rahimova"];

function signUp(browser: AttackBrowser, email: string, fullName: string) {
  return browser.post("/sign-up", { fullName, email, password, confirmPassword: password });
}

async function bidiNames(baseUrl: string, runId: string): Promise<Finding[]> {
  const browser = new AttackBrowser(baseUrl);
  await browser.get("/sign-up");
  const findings: Finding[] = [];
  for (const [index, name] of disguisedNames.entries()) {
    const answer = await signUp(browser, `bidi-${runId}-${index}@attack.example`, name);
    findings.push(
      verdict(
        "bidi controls in names",
        `sign up as "${shown(name, 30)}"`,
        answer.status === 422,
        `${answer.status}`,
      ),
    );
  }
  return findings;
}

/**
 * One address signed up again and again from one browser: the address's own limit must answer
 * before the network's. The first try carries a formula as the name, for the audit CSV attack.
 */
async function sameAddress(baseUrl: string, runId: string): Promise<Finding> {
  const browser = new AttackBrowser(baseUrl);
  await browser.get("/sign-up");
  const email = `flood-${runId}@attack.example`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    const answer = await signUp(browser, email, attempt === 0 ? formulaName : "Flood Tester");
    statuses.push(answer.status);
    if (answer.status === 429) break;
  }
  const accepted = statuses.filter((status) => status === 303).length;
  const held = statuses.at(-1) === 429 && accepted <= 3;
  return verdict(
    "sign-up rate limit",
    "one address signed up 6 times",
    held,
    `answers ${statuses.join(" ")}`,
  );
}

export async function attackSignUp(baseUrl: string, runId: string): Promise<Finding[]> {
  return [...(await bidiNames(baseUrl, runId)), await sameAddress(baseUrl, runId)];
}
