import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { loadLegalCalendars } from "../../platform/calendar/index.js";
import { ManualClock } from "../../platform/clock/index.js";
import { type CaseState, loadEventsOfCases } from "../cases/index.js";
import { createSubmittedCases } from "../cases/operations/create-submitted-cases.js";
import { loadAsylumLaw } from "./asylum-law.js";
import { asylumAnswers, familyAnswers } from "./test-support/asylum-answers.js";
import { type AsylumTestBed, asylumTestBed } from "./test-support/asylum-test-bed.js";
import { asylumStepTimings, statesEntered } from "./time-limits.js";

const clock = new ManualClock("2026-03-02T07:00:00Z");
const day = 24 * 60 * 60 * 1000;
let app: TestApp;
let bed: AsylumTestBed;

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await asylumTestBed(app.karvan.cases, app.karvan.database.db, createSubmittedCases);
});
afterAll(async () => {
  await app?.close();
});

describe("the asylum procedure", () => {
  it("is registered by an asylum officer only, with no applicant account", async () => {
    await expect(
      createSubmittedCases(bed.as(bed.caseOfficer), "asylum", [asylumAnswers()]),
    ).rejects.toMatchObject({
      status: 403,
    });
    const state = await bed.register(familyAnswers());
    expect(state).toMatchObject({ state: "registered", applicantUserId: null, category: "open" });
    expect(state.number).toMatch(/^ASY-2026-/);
  });

  it("grants refugee status after the checks, the interview and an approval by a second person", async () => {
    let state = await bed.register(asylumAnswers());
    state = await bed.move(state, "start-checks");
    expect(state.tasks.map((task) => task.code)).toEqual(["identity-check", "document-check"]);
    await expect(bed.move(state, "schedule-interview")).rejects.toMatchObject({
      code: "guard_mandatoryTasksDone",
    });
    state = await bed.finishTasks(state);
    state = await bed.finishTasks(await bed.move(state, "schedule-interview"), { interpreter: "booked" });
    state = await bed.move(state, "hold-interview");
    await expect(bed.move(state, "start-assessment")).rejects.toMatchObject({
      code: "guard_mandatoryTasksDone",
    });
    state = await bed.finishTasks(state, { "interview-record": "confirmed-with-corrections" });
    state = await bed.move(state, "start-assessment");
    await expect(
      bed.move(state, "draft-decision", bed.officer, {
        outcome: "refugee-status",
        reasons: "Well-founded fear.",
      }),
    ).rejects.toMatchObject({ code: "guard_mandatoryTasksDone" });
    state = await bed.finishTasks(state);
    state = await bed.decideFirstInstance(state, "refugee-status");
    expect(state).toMatchObject({ state: "notified", category: "decided" });
    expect(state.decision).toMatchObject({
      outcome: "refugee-status",
      issued: true,
      approvedBy: bed.supervisor.userId,
    });
    expect(state.decision?.documentNumber).toMatch(/^ASYP-2026-/);
  });

  it("refuses a status the law does not grant, and the approval by the officer who drafted (four eyes)", async () => {
    let state = await bed.toAssessment(asylumAnswers());
    await expect(
      bed.move(state, "draft-decision", bed.secondOfficer, {
        outcome: "subsidiary-protection",
        reasons: "Serious harm.",
      }),
    ).rejects.toMatchObject({ code: "outcome_required" });
    state = await bed.move(state, "draft-decision", bed.secondOfficer, {
      outcome: "rejected",
      reasons: "No risk shown.",
    });
    await expect(bed.move(state, "approve", bed.secondOfficer)).rejects.toMatchObject({
      code: "guard_fourEyes",
    });
    await expect(bed.move(state, "approve", bed.officer)).rejects.toMatchObject({ status: 403 });
    state = await bed.move(state, "approve", bed.supervisor);
    expect(state.decision?.approvedBy).toBe(bed.supervisor.userId);
  });

  it("keeps a rejected application open on appeal until the final decision, also drafted and approved by two", async () => {
    let state = await bed.decideFirstInstance(await bed.toAssessment(asylumAnswers()), "rejected");
    expect(state.decision).toMatchObject({ outcome: "rejected", issued: true, documentNumber: null });
    clock.advance(20 * day);
    state = await bed.move(state, "lodge-appeal");
    expect(state).toMatchObject({ state: "appeal-lodged", category: "waiting" });
    clock.advance(60 * day);
    state = await bed.move(state, "record-final-decision", bed.officer, {
      outcome: "refugee-status",
      reasons: "The court annulled the refusal.",
    });
    await expect(bed.move(state, "approve-final-decision", bed.officer)).rejects.toMatchObject({
      status: 403,
    });
    state = await bed.move(
      await bed.move(state, "approve-final-decision", bed.supervisor),
      "notify-final-decision",
    );
    expect(state).toMatchObject({ state: "finally-decided", category: "decided" });
    expect(state.decision).toMatchObject({ outcome: "refugee-status", issued: true });
  });

  it("ends in withdrawal, explicit or implicit, at any step before the decision and during an appeal", async () => {
    const explicit = await bed.move(await bed.register(asylumAnswers()), "withdraw");
    expect(explicit).toMatchObject({ state: "withdrawn", category: "closed" });
    let missed = await bed.register(asylumAnswers());
    missed = await bed.finishTasks(await bed.move(missed, "start-checks"));
    missed = await bed.move(await bed.move(missed, "schedule-interview"), "withdraw-implicitly");
    expect(missed).toMatchObject({ state: "implicitly-withdrawn", category: "closed" });
    let appealed = await bed.decideFirstInstance(await bed.toAssessment(asylumAnswers()), "rejected");
    appealed = await bed.move(await bed.move(appealed, "lodge-appeal"), "withdraw");
    expect(appealed.state).toBe("withdrawn");
    await expect(bed.move(appealed, "start-checks")).rejects.toMatchObject({
      code: "transition_not_allowed",
    });
  });

  it("holds an accelerated application to the shorter time limit", async () => {
    clock.set("2026-09-01T07:00:00Z");
    const ordinary = await bed.register(asylumAnswers());
    const accelerated = await bed.register(asylumAnswers({ accelerated: "yes", lodgedAt: "border" }));
    const definition = app.karvan.cases.registry.get("asylum", 1);
    const histories = await loadEventsOfCases(app.karvan.database.db, [ordinary.id, accelerated.id]);
    const decisionDue = (state: CaseState) =>
      asylumStepTimings({
        entered: statesEntered(histories.get(state.id) ?? [], definition, (at) =>
          at.toISOString().slice(0, 10),
        ),
        accelerated: state.answers.accelerated === "yes",
        law: loadAsylumLaw("AZ"),
        calendar: loadLegalCalendars().of("AZ"),
        today: "2026-09-02",
      }).find((one) => one.step.endsWith("Decision"));
    expect(decisionDue(ordinary)).toMatchObject({ step: "firstInstanceDecision", due: "2026-11-30" });
    expect(decisionDue(accelerated)).toMatchObject({ step: "acceleratedDecision", due: "2026-10-01" });
    // The engine's own deadline (queues, overdue lists) is never later than the ordinary limit.
    expect(ordinary.deadlineDate && ordinary.deadlineDate <= "2026-11-30").toBe(true);
  });
});
