import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { CaseTypeRegistry } from "../definition/registry.js";
import { samplePermit } from "../test-support/sample-case-type.js";
import { calendarDeadlineClock } from "./calendar-deadline-clock.js";
import { applyEvent, type CaseState, initialCaseState, replayCase } from "./case-state.js";
import type { CaseEvent, CaseEventBody } from "./events.js";

const clock = calendarDeadlineClock(loadLegalCalendars().of("AZ"));
const definition = new CaseTypeRegistry([samplePermit]).get(samplePermit.code, samplePermit.version);
const caseId = "00000000-0000-4000-8000-000000000001";
const officer = "00000000-0000-4000-8000-000000000002";

/** A history of the sample permit, one event a day from Thursday 29 January 2026 (10:00 in Baku). */
function history(bodies: CaseEventBody[]): CaseEvent[] {
  return bodies.map((body, index) => ({
    ...body,
    caseId,
    seq: index + 1,
    actor: { type: "user", id: officer },
    at: new Date(Date.UTC(2026, 0, 29 + index, 6)),
  }));
}

const events = history([
  {
    type: "case.created",
    payload: {
      typeCode: samplePermit.code,
      typeVersion: samplePermit.version,
      number: "TRP-2026-000001",
      applicantUserId: null,
      agencyId: officer,
      state: "draft",
    },
  },
  { type: "case.answers_saved", payload: { answers: { ground: "work" } } },
  { type: "case.express_tier_chosen", payload: { tier: "express-15" } },
  { type: "case.submitted", payload: { state: "submitted", legalStartDate: "2026-02-02" } },
  {
    type: "case.transitioned",
    payload: { transition: "start-review", from: "submitted", to: "in-review", pausesDeadline: false },
  },
  {
    type: "case.transitioned",
    payload: {
      transition: "request-documents",
      from: "in-review",
      to: "awaiting-documents",
      pausesDeadline: true,
    },
  },
  { type: "case.note_added", payload: { text: "Called the applicant" } },
  {
    type: "case.transitioned",
    payload: {
      transition: "provide-documents",
      from: "awaiting-documents",
      to: "in-review",
      pausesDeadline: false,
    },
  },
  { type: "case.decision_drafted", payload: { outcome: "granted", reasons: "All conditions met" } },
]);

/** Freezes every object and array a state holds, so that any change to it throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe("replaying a case", () => {
  it("never changes the state it is given: each event makes a new one", () => {
    const [created, ...rest] = events as [CaseEvent, ...CaseEvent[]];
    let state: CaseState = deepFreeze(initialCaseState(created, definition));
    const seen: CaseState[] = [state];
    for (const event of rest) {
      const next = applyEvent(state, event, definition, clock);
      expect(next).not.toBe(state);
      state = deepFreeze(next);
      seen.push(state);
    }
    expect(seen.map((one) => [one.state, one.lastSeq])).toEqual([
      ["draft", 1],
      ["draft", 2],
      ["draft", 3],
      ["submitted", 4],
      ["in-review", 5],
      ["awaiting-documents", 6],
      ["awaiting-documents", 7],
      ["in-review", 8],
      ["in-review", 9],
    ]);
  });

  it("pauses the clock while documents are awaited and moves the deadline by the paused days", () => {
    const states = events.slice(1).reduce<CaseState[]>(
      (all, event) => {
        all.push(applyEvent(all.at(-1) as CaseState, event, definition, clock));
        return all;
      },
      [initialCaseState(events[0] as CaseEvent, definition)],
    );
    const [submitted, waiting, noted, resumed] = [states[3], states[5], states[6], states[7]];
    // 15 working days (the express tier), counted from the day after Monday 2 February.
    expect(submitted?.deadlineDate).toBe("2026-02-23");
    expect(waiting?.pauses).toEqual([{ from: "2026-02-03", to: null }]);
    expect(waiting?.deadlineDate).toBeNull();
    expect(noted?.updatedAt).toBe("2026-02-04T06:00:00.000Z");
    expect(resumed?.pauses).toEqual([{ from: "2026-02-03", to: "2026-02-05" }]);
    const paused = clock.deadline({
      start: "2026-02-02",
      legalTime: { amount: 15, unit: "working" },
      pauses: [{ from: "2026-02-03", to: "2026-02-05" }],
    });
    expect(paused > "2026-02-23").toBe(true);
    expect(resumed?.deadlineDate).toBe(paused);
    expect(replayCase(events, () => definition, clock)).toEqual(states.at(-1));
  });
});
