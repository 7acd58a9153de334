import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { ManualClock } from "../../../platform/clock/index.js";
import {
  attachDocument,
  chooseExpressTier,
  claimCase,
  requiredDocuments,
  transitionCase,
} from "../../cases/index.js";
import {
  decide,
  type ProcedureTestBed,
  procedureTestBed,
  storedFile,
  submitCompleteApplication,
} from "./procedure-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday 10:00 in Baku
const calendar = loadLegalCalendars().of("AZ");
let app: TestApp;
let bed: ProcedureTestBed;

const aboutYou = {
  fullName: "Li Wei",
  birthDate: "1988-03-09",
  citizenship: "CN",
  passportNumber: "E98765432",
};
const currentStay = {
  currentStayEnds: "2026-04-30",
  addressInAzerbaijan: { street: "Nizami küçəsi 10", city: "Bakı", region: "AZ-BA", postcode: "AZ1001" },
};

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("temporary residence permit", () => {
  it("runs from a work-based application to a one-year permit, the clock stopped while documents are missing", async () => {
    const definition = app.karvan.cases.registry.latest("temporary-residence-permit");
    expect(
      requiredDocuments(definition as NonNullable<typeof definition>, { ground: "work" }).sort(),
    ).toEqual(
      [
        "housing-document",
        "means-of-subsistence",
        "medical-certificate",
        "passport",
        "photo",
        "work-permit",
      ].sort(),
    );

    let state = await submitCompleteApplication(bed.as(bed.foreigner), "temporary-residence-permit", {
      "about-you": aboutYou,
      "current-stay": currentStay,
      ground: { ground: "work" },
      work: {
        employerName: "Caspian Drilling LLC",
        workPermitNumber: "WPP-2026-001001",
        position: "Engineer",
      },
    });
    expect(state.number).toMatch(/^TRP-2026-\d{6}$/);
    expect(state).toMatchObject({ state: "submitted", legalStartDate: "2026-02-02" });
    // 20 working days from Monday 2 February 2026.
    expect(state.deadlineDate).toBe("2026-03-02");

    state = await claimCase(bed.as(bed.officer), state.id);
    state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "start-review");
    clock.set("2026-02-04T06:00:00Z");
    state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "request-documents", {
      documentCodes: ["medical-certificate"],
      message: "The certificate is older than three months.",
    });
    expect(state).toMatchObject({ state: "awaiting-documents", deadlineDate: null });
    clock.set("2026-02-09T06:00:00Z");
    state = await attachDocument(
      bed.as(bed.foreigner),
      state.id,
      "medical-certificate",
      storedFile("medical"),
    );
    state = await transitionCase(bed.as(bed.foreigner), state.id, state.lastSeq, "provide-documents", {
      message: "A new certificate",
    });
    expect(state).toMatchObject({ state: "in-review", deadlineDate: "2026-03-05" });

    state = await decide(bed, state, "approved", "Article 45: employed with a valid work permit.");
    expect(state).toMatchObject({ state: "decided", category: "decided" });
    expect(state.decision).toMatchObject({
      outcome: "approved",
      issued: true,
      validFrom: "2026-02-09",
      validTo: "2027-02-08",
    });
    expect(state.decision?.documentNumber).toMatch(/^TRPP-2026-\d{6}$/);
  });

  it("refuses a family-based application with a reasoned decision and no permit", async () => {
    clock.set("2026-02-10T06:00:00Z");
    let state = await submitCompleteApplication(bed.as(bed.foreigner), "temporary-residence-permit", {
      "about-you": aboutYou,
      "current-stay": currentStay,
      ground: { ground: "family" },
      family: { relativeName: "Leyla Məmmədova", relationship: "spouse", relativeStatus: "citizen" },
    });
    expect(state.documents.map((document) => document.code)).toContain("relationship-proof");
    expect(state.documents.map((document) => document.code)).not.toContain("means-of-subsistence");

    state = await decide(bed, state, "refused", "The marriage certificate was not legalised.");
    expect(state.decision).toMatchObject({
      outcome: "refused",
      issued: true,
      documentNumber: null,
      validFrom: null,
      validTo: null,
    });
  });

  it("decides a paid faster application within 15 working days", async () => {
    clock.set("2026-03-16T06:00:00Z"); // the Monday before Novruz
    const state = await submitCompleteApplication(
      bed.as(bed.foreigner),
      "temporary-residence-permit",
      {
        "about-you": aboutYou,
        "current-stay": currentStay,
        ground: { ground: "study" },
        study: { institution: "ADA University", programme: "MSc Computer Science", studyEnds: "2027-06-30" },
      },
      { beforePaying: (draft) => chooseExpressTier(bed.as(bed.foreigner), draft.id, "express-15") },
    );
    expect(state.expressTier).toBe("express-15");
    expect(state.deadlineDate).toBe(calendar.addWorkingDays("2026-03-16", 15));
  });

  it("lets the applicant withdraw while the case is open, and nobody else", async () => {
    const state = await submitCompleteApplication(bed.as(bed.foreigner), "temporary-residence-permit", {
      "about-you": aboutYou,
      "current-stay": currentStay,
      ground: { ground: "other" },
      "other-ground": { otherGround: "I own a flat in Baku worth more than the threshold." },
    });
    await expect(
      transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "withdraw"),
    ).rejects.toMatchObject({ status: 403 });
    const withdrawn = await transitionCase(bed.as(bed.foreigner), state.id, state.lastSeq, "withdraw");
    expect(withdrawn).toMatchObject({ state: "withdrawn", category: "closed" });
  });
});
