import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { findAgencyByCode } from "../../access/index.js";
import { chooseExpressTier, completeTask, transitionCase } from "../../cases/index.js";
import {
  decide,
  type ProcedureTestBed,
  procedureTestBed,
  submitCompleteApplication,
} from "./procedure-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday 10:00 in Baku
let app: TestApp;
let bed: ProcedureTestBed;

const application = (contractEnd: string, employerKind = "legal-entity") => ({
  employer: {
    employerName: "Caspian Drilling LLC",
    employerTaxId: "1234567891",
    employerKind,
    employerAddress: { street: "Bülbül prospekti 5", city: "Bakı", region: "AZ-BA", postcode: "AZ1014" },
  },
  worker: {
    workerFullName: "Mehmet Yılmaz",
    workerBirthDate: "1984-02-14",
    workerCitizenship: "TR",
    workerPassportNumber: "U87654321",
    workerInAzerbaijan: "no",
  },
  job: {
    position: "Drilling supervisor",
    qualification: "Petroleum engineer",
    workplaceAddress: { street: "Səngəçal terminalı", city: "Qaradağ", region: "AZ-BA", postcode: "" },
    contractStart: "2026-03-01",
    contractEnd,
  },
});

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("work permit", () => {
  it("cannot be decided before the employment service's labour-market opinion, then is granted for the contract", async () => {
    let state = await submitCompleteApplication(
      bed.as(bed.employer),
      "work-permit",
      application("2026-11-30"),
    );
    expect(state.number).toMatch(/^WP-2026-\d{6}$/);
    expect(state.documents.map((document) => document.code)).toContain("company-registration");
    expect(state.deadlineDate).toBe("2026-03-02");
    const labour = await findAgencyByCode(app.karvan.database.db, "MLSPP-DOST");
    expect(state.tasks).toEqual([
      expect.objectContaining({
        code: "labour-market-opinion",
        agencyId: labour?.id,
        status: "open",
        mandatory: true,
      }),
    ]);

    state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "start-review");
    await expect(
      transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "draft-decision", {
        outcome: "approved",
        reasons: "Needed skills.",
      }),
    ).rejects.toMatchObject({ code: "guard_mandatoryTasksDone" });
    // Only the employment service gives the opinion.
    await expect(
      completeTask(bed.as(bed.officer), state.id, state.tasks[0]?.taskId as string, "positive", ""),
    ).rejects.toMatchObject({ status: 403 });

    state = await completeTask(
      bed.as(bed.employmentOfficer),
      state.id,
      state.tasks[0]?.taskId as string,
      "positive",
      "No registered jobseeker has this qualification.",
    );
    state = await decide(bed, state, "approved", "Labour-market opinion positive; qualification proven.");
    expect(state.decision).toMatchObject({
      outcome: "approved",
      validFrom: "2026-02-02",
      // The contract ends before a year is over: the permit ends with it.
      validTo: "2026-11-30",
    });
    expect(state.decision?.documentNumber).toMatch(/^WPP-2026-\d{6}$/);
  });

  it("lasts one year at most, even for a longer contract", async () => {
    let state = await submitCompleteApplication(
      bed.as(bed.employer),
      "work-permit",
      application("2028-02-29", "entrepreneur"),
    );
    expect(state.documents.map((document) => document.code)).toContain("entrepreneur-registration");
    state = await completeTask(
      bed.as(bed.employmentOfficer),
      state.id,
      state.tasks[0]?.taskId as string,
      "positive",
      "",
    );
    state = await decide(bed, state, "approved", "Conditions met.");
    expect(state.decision).toMatchObject({ validFrom: "2026-02-02", validTo: "2027-02-01" });
  });

  it("is refused after a negative labour-market opinion", async () => {
    let state = await submitCompleteApplication(
      bed.as(bed.employer),
      "work-permit",
      application("2026-12-31"),
    );
    state = await completeTask(
      bed.as(bed.employmentOfficer),
      state.id,
      state.tasks[0]?.taskId as string,
      "negative",
      "Twelve registered jobseekers hold this qualification.",
    );
    state = await decide(bed, state, "refused", "Suitable local jobseekers are available.");
    expect(state.decision).toMatchObject({ outcome: "refused", documentNumber: null, validTo: null });
  });

  it("is decided within 10 working days for the highest duty", async () => {
    const context = bed.as(bed.employer);
    const state = await submitCompleteApplication(context, "work-permit", application("2026-12-31"), {
      beforePaying: (draft) => chooseExpressTier(context, draft.id, "express-10"),
    });
    expect(state.deadlineDate).toBe("2026-02-16");
    expect(state.tasks).toHaveLength(1);
  });
});
