import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { chooseExpressTier, transitionCase } from "../../cases/index.js";
import {
  decide,
  type ProcedureTestBed,
  permanentResidencePage,
  procedureTestBed,
  submitCompleteApplication,
} from "./procedure-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday 10:00 in Baku
let app: TestApp;
let bed: ProcedureTestBed;

const answers = (basis: Record<string, unknown>) => ({
  "about-you": {
    fullName: "Olga Petrova",
    birthDate: "1985-07-21",
    citizenship: "RU",
    passportNumber: "751234567",
  },
  residence: permanentResidencePage,
  basis,
});

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("permanent residence permit", () => {
  it("grants a five-year permit after two years of temporary residence, in 60 calendar days", async () => {
    let state = await submitCompleteApplication(
      bed.as(bed.foreigner),
      "permanent-residence-permit",
      answers({ basis: "continuous-residence" }),
    );
    expect(state.number).toMatch(/^PRP-2026-\d{6}$/);
    expect(state.documents.map((document) => document.code)).toEqual(
      expect.arrayContaining(["permit-card", "grounds-remain", "means-of-subsistence"]),
    );
    // Sixty calendar days from 2 February 2026 fall on Friday 3 April.
    expect(state.deadlineDate).toBe("2026-04-03");

    state = await decide(bed, state, "approved", "Two years of uninterrupted temporary residence (art. 52).");
    expect(state.decision).toMatchObject({
      outcome: "approved",
      validFrom: "2026-02-02",
      validTo: "2031-02-01",
    });
    expect(state.decision?.documentNumber).toMatch(/^PRPP-2026-\d{6}$/);
  });

  it("refuses, after the approver returned a first draft", async () => {
    let state = await submitCompleteApplication(
      bed.as(bed.foreigner),
      "permanent-residence-permit",
      answers({ basis: "close-relative", relativeName: "Rauf Əliyev", relationship: "parent" }),
    );
    expect(state.documents.map((document) => document.code)).toContain("relationship-proof");
    state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "start-review");
    state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "draft-decision", {
      outcome: "approved",
      reasons: "Parent is a citizen.",
    });
    state = await transitionCase(bed.as(bed.approver), state.id, state.lastSeq, "return", {
      comment: "The birth certificate does not name the parent.",
    });
    expect(state.state).toBe("in-review");
    state = await decide(bed, state, "refused", "The relationship to a citizen is not proven.");
    expect(state.decision).toMatchObject({ outcome: "refused", documentNumber: null });
  });

  it("has three faster tiers, each shorter and dearer than the last", async () => {
    const definition = app.karvan.cases.registry.latest("permanent-residence-permit");
    const tiers = definition?.fee.expressTiers ?? [];
    expect(tiers.map((tier) => tier.legalTime.amount)).toEqual([50, 40, 35]);
    const amounts = [definition?.fee.amountMinor ?? 0, ...tiers.map((tier) => tier.amountMinor)];
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    expect(new Set(amounts).size).toBe(amounts.length);

    const context = bed.as(bed.foreigner);
    const express = await submitCompleteApplication(
      context,
      "permanent-residence-permit",
      answers({ basis: "extension" }),
      { beforePaying: (draft) => chooseExpressTier(context, draft.id, "express-35") },
    );
    // 35 days end on Monday 9 March, the day off carried over from Women's Day (Sunday 8 March):
    // a calendar-day time limit ending on a non-working day ends on the next working day.
    expect(express.deadlineDate).toBe("2026-03-10");
  });
});
