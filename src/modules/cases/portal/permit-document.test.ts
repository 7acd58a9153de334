import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceRoot } from "../../../app.js";
import { createI18n, type I18n } from "../../../platform/http/index.js";
import { createDocumentSeal, type DocumentSeal } from "../../../platform/pdf/index.js";
import { pdfTextRuns } from "../../../platform/pdf/pdf-text-runs.js";
import { qrPngDataUrl } from "../../../platform/qr/index.js";
import { caseTypeDefinitions } from "../../permits/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { CaseTypeRegistry } from "../definition/registry.js";
import type { CaseState } from "../engine/case-state.js";
import { documentHolder } from "../workspace/answers-view.js";
import { type DecisionDocumentInput, renderPermit } from "./decision-documents.js";
import { renderSealedDocument } from "./render-sealed-document.js";

const registry = new CaseTypeRegistry(caseTypeDefinitions);
const residence = registry.latest("temporary-residence-permit") as CaseTypeDefinition;
const folder = mkdtempSync(path.join(tmpdir(), "karvan-permit-"));
let i18n: I18n;
let seal: DocumentSeal;
let photo: Buffer;

beforeAll(async () => {
  i18n = await createI18n(sourceRoot);
  seal = createDocumentSeal({
    env: "test",
    dataDir: folder,
    sealCertificate: undefined,
    sealPassphrase: undefined,
  });
  photo = Buffer.from((await qrPngDataUrl("a stand-in for a photograph", 120)).split(",")[1] ?? "", "base64");
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function decidedCase(answers: Record<string, unknown>, documents: CaseState["documents"] = []): CaseState {
  return {
    id: "00000000-0000-0000-0000-000000000001",
    number: "TRP-2026-000042",
    typeCode: residence.code,
    typeVersion: residence.version,
    state: "decided",
    category: "decided",
    applicantUserId: null,
    agencyId: "00000000-0000-0000-0000-000000000002",
    assignedTo: null,
    expressTier: null,
    answers,
    documents,
    requestedDocuments: [],
    feePaid: true,
    submittedAt: "2026-02-02T06:00:00.000Z",
    legalStartDate: "2026-02-02",
    pauses: [],
    deadlineDate: null,
    decision: {
      outcome: "approved",
      reasons: "All conditions are met.",
      draftedBy: null,
      approvedBy: null,
      issued: true,
      documentNumber: "TRP-000042",
      verificationCode: "7QK2VX9MHPA",
      validFrom: "2026-03-01",
      validTo: "2027-02-28",
    },
    decidedAt: "2026-02-20T06:00:00.000Z",
    hold: null,
    tasks: [],
    lastSeq: 9,
    createdAt: "2026-02-01T06:00:00.000Z",
    updatedAt: "2026-02-20T06:00:00.000Z",
  };
}

const passportAnswers = {
  fullName: "Amina Rahimova",
  birthDate: "1990-04-12",
  citizenship: "TR",
  passportNumber: "U12345678",
};

function input(answers: Record<string, unknown>, locale: "az" | "en" | "ru" = "en"): DecisionDocumentInput {
  return {
    state: decidedCase(answers),
    definition: residence,
    locale,
    t: i18n.t(locale),
    agencyName: "State Migration Service",
    applicantName: "amina.account@example.org",
    publicUrl: "https://karvan.example.az",
  };
}

/** The page's text runs joined per line (same height on the page), top to bottom. */
function lines(pdf: Buffer): string[] {
  const byLine = new Map<number, string[]>();
  for (const run of pdfTextRuns(pdf)) byLine.set(run.y, [...(byLine.get(run.y) ?? []), run.text]);
  return [...byLine.entries()].sort(([a], [b]) => b - a).map(([, texts]) => texts.join(""));
}

describe("the permit PDF", () => {
  it("names the holder as in the passport, with the document's labels and not the form's questions", async () => {
    const text = lines(await renderPermit(input(passportAnswers))).join("\n");
    expect(text).toMatch(/Name\s*Amina Rahimova/);
    expect(text).toMatch(/Date of birth\s*12 April 1990/);
    expect(text).toMatch(/Citizenship\s*T(ü|u)rkiye/);
    expect(text).toMatch(/Travel document number\s*U12345678/);
    expect(text).not.toContain("as in your passport");
    expect(text).not.toContain("amina.account@example.org");
    const russian = lines(await renderPermit(input(passportAnswers, "ru"))).join("\n");
    expect(russian).toMatch(/Имя и фамилия\s*Amina Rahimova/);
    expect(russian).not.toContain("как в паспорте");
  });

  it("keeps a 200-letter unbroken name inside the page, wrapped over several lines", async () => {
    const longName = `${"Abdurrahmanibnmuhammadalhashimi".repeat(7)}`.slice(0, 200);
    const pdf = await renderPermit(input({ ...passportAnswers, fullName: longName }));
    const runs = pdfTextRuns(pdf);
    const all = lines(pdf);
    const first = all.findIndex((line) => line.startsWith("Name"));
    const nameLines = [all[first]?.replace(/^Name/, "") ?? ""];
    for (const line of all.slice(first + 1)) {
      if (!/^[A-Za-z]+$/.test(line)) break;
      nameLines.push(line);
    }
    expect(nameLines.join("")).toBe(longName);
    expect(nameLines.length).toBeGreaterThanOrEqual(4);
    // A4 is 595 points wide with 56-point margins: nothing starts beyond the right margin.
    expect(Math.max(...runs.map((run) => run.x))).toBeLessThan(595 - 56);
    for (const line of nameLines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it("prints the holder's photo when the application has one, and still renders when it is unreadable", async () => {
    const images = (pdf: Buffer) => pdf.toString("latin1").match(/\/Subtype \/Image/g)?.length ?? 0;
    const base = input(passportAnswers);
    const withoutPhoto = images(await renderPermit(base)); // the QR code
    const withPhoto = { ...base, holderPhoto: { mediaType: "image/png" as const, content: photo } };
    expect(images(await renderPermit(withPhoto))).toBeGreaterThan(withoutPhoto);
    const store = (content: Buffer) => ({
      readDocument: async () => content,
      storeDocument: async () => {
        throw new Error("not used");
      },
      deleteDocument: async () => {},
    });
    const attached = {
      ...base,
      state: decidedCase(passportAnswers, [
        {
          documentId: "202602-00000000000000000000000000000001",
          code: "photo",
          mediaType: "image/png",
          size: photo.length,
          sha256: "",
          fileName: "me.png",
          attachedAt: "2026-02-02T06:00:00.000Z",
          attachedBy: null,
        },
      ]),
    };
    const sealedWithPhoto = await renderSealedDocument("permit", attached, { documents: store(photo), seal });
    expect(images(sealedWithPhoto)).toBeGreaterThan(withoutPhoto);
    const broken = Buffer.concat([photo.subarray(0, 16), Buffer.from("not an image")]);
    expect(images(await renderSealedDocument("permit", attached, { documents: store(broken), seal }))).toBe(
      withoutPhoto,
    );
  });

  it("is sealed, says so, and warns in demo mode that the seal is not valid", async () => {
    const documents = { readDocument: async () => Buffer.alloc(0) } as never;
    const pdf = await renderSealedDocument("permit", input(passportAnswers), { documents, seal });
    expect(await seal.check(pdf)).toMatchObject({ status: "demo" });
    const text = lines(pdf).join(" ");
    expect(text).toContain("carries the electronic seal of Karvan DEMO seal");
    expect(text).toContain(
      "DEMO: this document is sealed with a demonstration certificate and is not valid.",
    );
  });
});

describe("the holder of an issued document", () => {
  it("is the foreign worker on a work permit, not the employer who applied", () => {
    const work = registry.latest("work-permit") as CaseTypeDefinition;
    const holder = documentHolder(
      work,
      {
        employerName: "Caspian LLC",
        workerFullName: "Ivan Petrov",
        workerBirthDate: "1985-01-02",
        workerCitizenship: "RU",
        workerPassportNumber: "753123456",
      },
      "en",
    );
    expect(holder).toEqual({
      name: "Ivan Petrov",
      birthDate: "1985-01-02",
      citizenship: "Russia",
      travelDocumentNumber: "753123456",
    });
  });
});
