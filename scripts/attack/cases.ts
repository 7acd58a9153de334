import type { Actors } from "./actors.js";
import { type Answer, AttackBrowser, errorCode } from "./browser.js";
import { type Finding, skipped, verdict } from "./findings.js";

/** A PDF by its first bytes, which is all the upload check reads for its type. */
const smallPdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "latin1");
/** More than any sane per-case limit; the attack stops at the first refusal. */
const maxUploads = 60;

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function idOf(answer: Answer): string | null {
  try {
    return (JSON.parse(answer.body) as { id?: string }).id ?? null;
  } catch {
    return null;
  }
}

/** A guest registered by the host's key: decided on submission, so its messages are closed. */
export async function registerGuest(actors: Actors): Promise<string | null> {
  if (!actors.hostKey) return null;
  const machine = new AttackBrowser(actors.host.baseUrl);
  const created = await machine.json(
    "POST",
    "/api/v1/cases/stay-registration",
    {
      answers: {
        guestFullName: "Mehmet Yilmaz",
        guestBirthDate: "1987-04-12",
        guestCitizenship: "TR",
        guestPassportNumber: "U12345678",
        arrivalDate: day(-2),
        departureDate: day(20),
        accommodation: "hotel",
        hostName: "Caspian Pearl Hotel",
        stayAddress: { street: "Neftchilar avenue 12", city: "Baku", region: "AZ-BA", postcode: "AZ1000" },
      },
    },
    { authorization: `Bearer ${actors.hostKey}` },
  );
  return created.status === 201 ? idOf(created) : null;
}

export async function startDraft(applicant: AttackBrowser): Promise<string | null> {
  const started = await applicant.json("POST", "/api/v1/applications", {
    typeCode: "temporary-residence-permit",
  });
  return started.status === 201 ? idOf(started) : null;
}

/** Uploads until refused; then removes what it added, so that runs do not fill the account. */
export async function attackUploads(applicant: AttackBrowser, draftId: string | null): Promise<Finding> {
  const point = "upload limit per case";
  const attack = `upload up to ${maxUploads} files to one application`;
  if (!draftId) return skipped(point, attack, "the applicant could not start an application");
  const added: string[] = [];
  let refusal: Answer | null = null;
  for (let index = 0; index < maxUploads && !refusal; index++) {
    const answer = await applicant.multipart(`/api/v1/applications/${draftId}/documents`, [
      { name: "code", value: "passport" },
      { name: "file", fileName: `scan-${index}.pdf`, content: smallPdf },
    ]);
    if (answer.status === 201) added.push((JSON.parse(answer.body) as { documentId: string }).documentId);
    else refusal = answer;
  }
  for (const documentId of added)
    await applicant.json("DELETE", `/api/v1/applications/${draftId}/documents/${documentId}`);
  const code = refusal ? errorCode(refusal) : undefined;
  const clear = ["case_upload_limit", "account_upload_limit", "too_many_uploads"];
  const held = !!refusal && refusal.status >= 400 && refusal.status < 500 && clear.includes(code ?? "");
  return verdict(
    point,
    attack,
    held,
    `${added.length} accepted, then ${refusal?.status ?? "none"} ${code ?? ""}`,
  );
}

export async function attackDecidedMessages(host: AttackBrowser, caseId: string | null): Promise<Finding[]> {
  const point = "messages on a decided case";
  if (!caseId) return [skipped(point, "write on a decided registration", "no host key or registration")];
  const api = await host.json("POST", `/api/v1/applications/${caseId}/messages`, {
    message: "Can I appeal?",
  });
  await host.get(`/applications/${caseId}`);
  const page = await host.post(`/applications/${caseId}/messages`, { message: "Can I appeal?" });
  return [
    verdict(
      point,
      "API message on a decided registration",
      api.status === 409 || api.status === 422,
      `${api.status} ${errorCode(api) ?? ""}`,
    ),
    verdict(
      point,
      "page message on a decided registration",
      page.status === 409 || page.status === 422,
      `${page.status}`,
    ),
  ];
}

/** Each side asks for the other's case by its id, on every door that opens one. */
export async function attackForeignCases(actors: Actors, draftId: string | null, guestCaseId: string | null) {
  const point = "another applicant's case";
  const findings: Finding[] = [];
  const tries: Array<[string, AttackBrowser, string | null, Record<string, string>]> = [
    ["host opens the applicant's /applications/:id", actors.host, draftId && `/applications/${draftId}`, {}],
    [
      "host reads the applicant's API application",
      actors.host,
      draftId && `/api/v1/applications/${draftId}`,
      { accept: "application/json" },
    ],
    [
      "host opens the applicant's /account/my-data/cases/:id",
      actors.host,
      draftId && `/account/my-data/cases/${draftId}`,
      {},
    ],
    [
      "applicant opens the host's registration",
      actors.applicant,
      guestCaseId && `/applications/${guestCaseId}`,
      {},
    ],
    [
      "applicant reads the host's registration by API",
      actors.applicant,
      guestCaseId && `/api/v1/applications/${guestCaseId}`,
      { accept: "application/json" },
    ],
  ];
  for (const [attack, browser, path, headers] of tries) {
    if (!path) {
      findings.push(skipped(point, attack, "no case to aim at"));
      continue;
    }
    const answer = await browser.get(path, headers);
    findings.push(verdict(point, attack, answer.status === 404, `${answer.status}`));
  }
  if (actors.hostKey && draftId) {
    const machine = new AttackBrowser(actors.host.baseUrl);
    const answer = await machine.get(`/api/v1/cases/${draftId}`, {
      authorization: `Bearer ${actors.hostKey}`,
      accept: "application/json",
    });
    findings.push(
      verdict(point, "host key reads the applicant's case", answer.status === 404, `${answer.status}`),
    );
  }
  return findings;
}
