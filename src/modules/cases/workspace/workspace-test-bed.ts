import type { LightMyRequestResponse } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import { createLocalDocuments } from "../../../platform/files/index.js";
import {
  createUser,
  currentTotpCode,
  type Permission,
  type Principal,
  systemActor,
} from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import { defineCaseType } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import type { CasesModule } from "../module.js";
import { attachDocument } from "../operations/attach-document.js";
import { recordFeePayment } from "../operations/pay-fee.js";
import { saveAnswers } from "../operations/save-answers.js";
import { startApplication } from "../operations/start-application.js";
import { submitApplication } from "../operations/submit-application.js";
import { samplePermit } from "../test-support/sample-case-type.js";

/** Tests only: officers signed in through the real pages, and cases made through the engine. */

const password = "Correct-horse-battery-9";

/** The engine's sample permit with a passport number (related cases) and a named holder (/verify). */
export const workspaceSample = defineCaseType({
  ...samplePermit,
  code: "workspace-sample",
  numberPrefix: "WSP",
  name: { az: "Nümunə icazə", en: "Sample work permit", ru: "Образец разрешения" },
  form: [
    {
      id: "about-you",
      title: { az: "Siz haqqında", en: "About you", ru: "О вас" },
      fields: [
        {
          name: "fullName",
          kind: "text",
          autocomplete: "name",
          label: { az: "Tam adı", en: "Full name", ru: "Полное имя" },
        },
        {
          name: "birthDate",
          kind: "date",
          when: "past",
          label: { az: "Doğum tarixi", en: "Date of birth", ru: "Дата рождения" },
        },
        {
          name: "citizenship",
          kind: "country",
          label: { az: "Vətəndaşlıq", en: "Citizenship", ru: "Гражданство" },
        },
        {
          name: "passportNumber",
          kind: "documentNumber",
          label: { az: "Pasport nömrəsi", en: "Passport number", ru: "Номер паспорта" },
        },
      ],
    },
    ...samplePermit.form.slice(1),
  ],
  // Counted as the permits count an application (the retention tests read its records).
  statistics: {
    counts: "application",
    person: { citizenship: "citizenship", birthDate: "birthDate", travelDocument: "passportNumber" },
    outcomes: { approved: "GRANTED", refused: "REFUSED" },
  },
});

/** What the tests' browser stand-in (test/support/test-client.ts) offers. */
interface Browser {
  setCookie(name: string, value: string): void;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields?: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
}

/**
 * A staff member of an agency, signed in through the real sign-in pages (password, then setting
 * up the authenticator at the first sign-in), reading the pages in English.
 */
export async function signInNewStaff<B extends Browser>(
  db: Database,
  clock: Clock,
  browser: B,
  input: { email: string; fullName: string; agency: string; roles: string[] },
): Promise<{ browser: B; userId: string }> {
  const { id } = await createUser(
    { db, clock, actor: systemActor },
    { ...input, password, kind: "staff", status: "active", locale: "en" },
  );
  browser.setCookie("karvan_lang", "en");
  await browser.get("/sign-in");
  const afterPassword = await browser.post("/sign-in", { email: input.email, password });
  if (afterPassword.headers.location !== "/sign-in/set-up-code") {
    throw new Error(`staff sign-in of ${input.email} went to ${String(afterPassword.headers.location)}`);
  }
  const setUp = await browser.get("/sign-in/set-up-code");
  const secret = (/data-testid="mfa-secret">([A-Z2-7 ]+)</.exec(setUp.body)?.[1] ?? "").replaceAll(" ", "");
  const enrolled = await browser.post("/sign-in/set-up-code", { code: await currentTotpCode(secret, clock) });
  if (enrolled.statusCode !== 200) throw new Error(`MFA set-up of ${input.email} failed`);
  return { browser, userId: id };
}

/** A public applicant account (the officer's side only needs it to exist, for names and mail). */
export async function newApplicant(
  db: Database,
  clock: Clock,
  email: string,
  fullName: string,
): Promise<Principal> {
  const { id } = await createUser(
    { db, clock, actor: systemActor },
    { email, fullName, password, kind: "public", roles: ["applicant"], status: "active", locale: "ru" },
  );
  return {
    userId: id,
    email,
    fullName,
    kind: "public",
    agencyId: null,
    roles: ["applicant"],
    permissions: new Set(["portal.apply"]),
    locale: "ru",
  };
}

/** An officer acting through the engine directly (a colleague changing the case meanwhile). */
export function staffPrincipal(userId: string, agencyId: string, permissions: Permission[]): Principal {
  return {
    userId,
    email: `${userId.slice(-6)}@staff.example`,
    fullName: `Staff ${userId.slice(-6)}`,
    kind: "staff",
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

export function contextOf(cases: CasesModule, principal: Principal | null): CasesContext {
  return {
    db: cases.db,
    clock: cases.clock,
    registry: cases.registry,
    deadlines: cases.deadlines,
    principal,
    ip: "203.0.113.9",
    requestId: "workspace-test",
  };
}

/**
 * A submitted application of the workspace sample (work ground: passport and employment
 * contract), with real documents in the document store.
 */
export async function submittedCase(
  cases: CasesModule,
  config: Pick<KarvanConfig, "dataDir" | "fileKey">,
  applicant: Principal,
  answers: {
    fullName?: string;
    birthDate?: string;
    citizenship?: string;
    employer?: string;
    passportNumber?: string;
  } = {},
  typeCode = "workspace-sample",
): Promise<CaseState> {
  const as = contextOf(cases, applicant);
  const documents = createLocalDocuments(config, cases.clock);
  let state = await startApplication(as, typeCode);
  state = await saveAnswers(as, state.id, state.lastSeq, "about-you", {
    fullName: answers.fullName ?? "Amina Rahimova",
    birthDate: answers.birthDate ?? "1990-05-17",
    citizenship: answers.citizenship ?? "TR",
    passportNumber: answers.passportNumber ?? "U12345678",
  });
  state = await saveAnswers(as, state.id, state.lastSeq, "ground", {
    ground: "work",
    employer: answers.employer ?? "Caspian LLC",
  });
  for (const [code, fileName] of [
    ["passport", "passport.pdf"],
    ["employment-contract", "müqavilə.pdf"],
  ] as const) {
    const stored = await documents.storeDocument(onePagePdf(`${code} of ${applicant.fullName}`), {
      declaredName: fileName,
    });
    state = await attachDocument(as, state.id, code, {
      documentId: stored.id,
      mediaType: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      fileName,
    });
  }
  await recordFeePayment(as, state.id, { paymentId: `pay-${state.id}`, amountMinor: 3000 });
  return submitApplication(as, state.id);
}

/** A real one-page PDF showing a line of text (a browser's PDF viewer displays it). */
export function onePagePdf(text: string): Buffer {
  const line = text.replace(/[\\()]/g, (character) => `\\${character}`);
  const stream = `BT /F1 14 Tf 24 120 Td (${line}) Tj ET`;
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj",
      "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj",
      "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 420 240] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>> endobj",
      `4 0 obj <</Length ${stream.length}>> stream\n${stream}\nendstream endobj`,
      "5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj",
      "trailer <</Root 1 0 R>>",
      "%%EOF",
      "",
    ].join("\n"),
    "latin1",
  );
}

export function location(response: LightMyRequestResponse): string {
  return String(response.headers.location ?? "");
}

/** The value of a hidden input of the page. */
export function hiddenValue(body: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1];
  if (value === undefined) throw new Error(`no hidden input ${name} on the page`);
  return value;
}
