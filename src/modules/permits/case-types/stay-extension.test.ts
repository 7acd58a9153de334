import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { chooseExpressTier, recordFeePayment, saveAnswers, startApplication } from "../../cases/index.js";
import {
  decide,
  type ProcedureTestBed,
  procedureTestBed,
  submitCompleteApplication,
} from "./procedure-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday 10:00 in Baku
let app: TestApp;
let bed: ProcedureTestBed;

const aboutYou = {
  fullName: "John Smith",
  birthDate: "1979-11-02",
  citizenship: "GB",
  passportNumber: "123456789",
};

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("extension of temporary stay", () => {
  it("extends the stay to the date asked for, decided within 3 working days", async () => {
    let state = await submitCompleteApplication(bed.as(bed.foreigner), "stay-extension", {
      "about-you": aboutYou,
      stay: { currentStayEnds: "2026-02-12", extendUntil: "2026-03-13", reason: "treatment" },
    });
    expect(state.number).toMatch(/^EXT-2026-\d{6}$/);
    expect(state.documents.map((document) => document.code).sort()).toEqual(["medical-letter", "passport"]);
    // Three working days from Monday 2 February: Thursday 5 February.
    expect(state.deadlineDate).toBe("2026-02-05");

    state = await decide(bed, state, "approved", "Treatment continues until March.");
    expect(state.decision).toMatchObject({
      outcome: "approved",
      validFrom: "2026-02-02",
      validTo: "2026-03-13",
    });
    expect(state.decision?.documentNumber).toMatch(/^EXTP-2026-\d{6}$/);
  });

  it("refuses an extension without a document", async () => {
    let state = await submitCompleteApplication(bed.as(bed.foreigner), "stay-extension", {
      "about-you": aboutYou,
      stay: {
        currentStayEnds: "2026-02-12",
        extendUntil: "2026-04-30",
        reason: "other",
        reasonDetails: "I would like to see more of the country.",
      },
    });
    state = await decide(bed, state, "refused", "No ground for a longer stay was shown.");
    expect(state.decision).toMatchObject({ outcome: "refused", documentNumber: null, validTo: null });
  });

  it("charges the express fee for a decision on the next working day", async () => {
    const context = bed.as(bed.foreigner);
    let draft = await startApplication(context, "stay-extension");
    draft = await chooseExpressTier(context, draft.id, "express-1");
    await expect(
      recordFeePayment(context, draft.id, { paymentId: "standard-fee", amountMinor: 3000 }),
    ).rejects.toMatchObject({ code: "payment_amount" });
    await expect(
      saveAnswers(context, draft.id, draft.lastSeq, "stay", {
        currentStayEnds: "2026-01-30",
        extendUntil: "2026-03-01",
        reason: "business",
      }),
    ).rejects.toMatchObject({
      details: { problems: [{ field: "currentStayEnds", messageKey: "cases.answers.dateFuture" }] },
    });
    const express = await submitCompleteApplication(
      context,
      "stay-extension",
      {
        "about-you": aboutYou,
        stay: { currentStayEnds: "2026-02-12", extendUntil: "2026-02-27", reason: "business" },
      },
      { beforePaying: (state) => chooseExpressTier(context, state.id, "express-1") },
    );
    expect(express.deadlineDate).toBe("2026-02-03");
  });
});
