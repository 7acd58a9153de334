import type { Actors } from "./actors.js";
import { AttackBrowser, errorCode } from "./browser.js";
import { type Finding, skipped, verdict } from "./findings.js";

const evilOrigin = "https://evil.example";

/** Forms sent with a valid session and CSRF token, but from another site. */
export async function attackForeignOrigin(actors: Actors, draftId: string | null): Promise<Finding[]> {
  const point = "foreign Origin on POST";
  const findings: Finding[] = [];
  await actors.host.get("/account/api-keys/new");
  const fields = { name: "Planted by another site", scopes: "profile:read", expiry: "30" };
  for (const [attack, headers] of [
    ["API key form with Origin evil.example", { origin: evilOrigin }],
    ["API key form with Referer evil.example only", { referer: `${evilOrigin}/page` }],
  ] as const) {
    const answer = await actors.host.post("/account/api-keys/new", fields, headers);
    const named = answer.body.includes("origin_not_allowed") || errorCode(answer) === "origin_not_allowed";
    findings.push(
      verdict(point, attack, answer.status === 403, `${answer.status}${named ? " origin_not_allowed" : ""}`),
    );
  }
  const api = await actors.applicant.json(
    "POST",
    "/api/v1/applications",
    { typeCode: "temporary-residence-permit" },
    { origin: evilOrigin },
  );
  findings.push(
    verdict(
      point,
      "API start application with Origin evil.example",
      api.status === 403 && errorCode(api) === "origin_not_allowed",
      `${api.status} ${errorCode(api) ?? ""}`,
    ),
  );
  if (draftId) {
    const message = await actors.applicant.json(
      "POST",
      `/api/v1/applications/${draftId}/messages`,
      { message: "sent from another site" },
      { origin: evilOrigin },
    );
    findings.push(
      verdict(
        point,
        "API message with Origin evil.example",
        message.status === 403,
        `${message.status} ${errorCode(message) ?? ""}`,
      ),
    );
  }
  return findings;
}

/** A host's key where only a person belongs: the account pages. */
export async function attackApiKeyOnPages(actors: Actors): Promise<Finding[]> {
  const point = "API key on /account";
  if (!actors.hostKey) return [skipped(point, "GET /account with a key", "the host could not create a key")];
  const bearer = { authorization: `Bearer ${actors.hostKey}` };
  const machine = new AttackBrowser(actors.host.baseUrl);
  const findings: Finding[] = [];
  for (const path of ["/account", "/account/my-data", "/account/api-keys"]) {
    const answer = await machine.get(path, { ...bearer, accept: "application/json" });
    findings.push(
      verdict(
        point,
        `GET ${path} with the host's key`,
        answer.status === 403 && errorCode(answer) === "api_key_not_accepted",
        `${answer.status} ${errorCode(answer) ?? ""}`,
      ),
    );
  }
  const both = await actors.host.get("/account", bearer);
  findings.push(
    verdict(point, "GET /account with a session and the key", both.status === 403, `${both.status}`),
  );
  return findings;
}
