import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { CaseTypeRegistry } from "../definition/registry.js";
import { calendarDeadlineClock } from "../engine/calendar-deadline-clock.js";
import { applyEvent, type CaseState, initialCaseState } from "../engine/case-state.js";
import type { CaseEvent, CaseEventBody } from "../engine/events.js";
import { samplePermit } from "../test-support/sample-case-type.js";
import { submittedEvents } from "./submit-application.js";
import { checkTransition, transitionEvents } from "./transition-case.js";

// The builders read nothing: the day, the numbers and the agencies are all given.
const deadlines = calendarDeadlineClock(loadLegalCalendars().of("AZ"));
const definition = new CaseTypeRegistry([samplePermit]).get(samplePermit.code, samplePermit.version);
const ids = {
  case: "00000000-0000-4000-8000-000000000001",
  sms: "00000000-0000-4000-8000-0000000000a1",
  labour: "00000000-0000-4000-8000-0000000000b1",
  otherLabour: "00000000-0000-4000-8000-0000000000b2",
  officer: "00000000-0000-4000-8000-000000000002",
  approver: "00000000-0000-4000-8000-000000000003",
};
const agencies = (kind: string) => (kind === "labour" ? [{ id: ids.labour }, { id: ids.otherLabour }] : []);

function stateAfter(bodies: CaseEventBody[]): CaseState {
  const events = bodies.map(
    (body, index): CaseEvent => ({
      ...body,
      caseId: ids.case,
      seq: index + 1,
      actor: { type: "user", id: ids.officer },
      at: new Date(Date.UTC(2026, 1, 2 + index, 6)),
    }),
  );
  const [first, ...rest] = events as [CaseEvent, ...CaseEvent[]];
  return rest.reduce(
    (state, event) => applyEvent(state, event, definition, deadlines),
    initialCaseState(first, definition),
  );
}

const created: CaseEventBody = {
  type: "case.created",
  payload: {
    typeCode: samplePermit.code,
    typeVersion: samplePermit.version,
    number: "SMP-2026-000001",
    applicantUserId: null,
    agencyId: ids.sms,
    state: "draft",
  },
};

const moved = (name: string, from: string, to: string): CaseEventBody => ({
  type: "case.transitioned",
  payload: { transition: name, from, to, pausesDeadline: false },
});
/** Drafted by the officer (every event of `stateAfter` is the officer's), awaiting approval. */
const drafted: CaseEventBody[] = [
  created,
  { type: "case.submitted", payload: { state: "submitted", legalStartDate: "2026-02-03" } },
  moved("start-review", "submitted", "in-review"),
  { type: "case.decision_drafted", payload: { outcome: "approved", reasons: "Conditions met" } },
  moved("draft-decision", "in-review", "decision-drafted"),
];

/** The code of the domain error `action` throws. */
function refusal(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

function transition(name: string) {
  const found = definition.transitions.find((one) => one.name === name);
  if (!found) throw new Error(name);
  return found;
}

describe("the engine's pure event builders", () => {
  it("submits, and routes the tasks of the next state to an agency of the kind it is given", () => {
    const draft = stateAfter([created]);
    const submitted = submittedEvents(draft, definition, {
      today: "2026-02-03",
      documentNumber: null,
      agencies,
    });
    expect(submitted).toEqual([
      { type: "case.submitted", payload: { state: "submitted", legalStartDate: "2026-02-03" } },
    ]);
    const inReview = transitionEvents(
      stateAfter([created, ...submitted]),
      definition,
      transition("start-review"),
      {
        input: {},
        today: "2026-02-04",
        documentNumber: null,
        agencies,
      },
    );
    expect(inReview.map((event) => event.type)).toEqual(["case.transitioned", "case.task_created"]);
    expect(inReview[1]).toMatchObject({ payload: { code: "labour-market-opinion", agencyId: ids.labour } });
  });

  it("issues the decision with the number it is given, valid from the day it is given", () => {
    const approved = stateAfter([
      ...drafted,
      { type: "case.decision_approved", payload: {} },
      moved("approve", "decision-drafted", "approved"),
    ]);
    const [issued] = transitionEvents(approved, definition, transition("issue"), {
      input: {},
      today: "2026-03-01",
      documentNumber: "SMPP-2026-000042",
      agencies,
    });
    expect(issued).toMatchObject({
      type: "case.decision_issued",
      payload: {
        outcome: "approved",
        documentNumber: "SMPP-2026-000042",
        validFrom: "2026-03-01",
        validTo: "2027-02-28",
      },
    });
  });

  it("refuses a transition from another state, or one whose guard does not hold for the person", () => {
    const state = stateAfter(drafted);
    expect(refusal(() => checkTransition(state, definition, transition("start-review"), ids.approver))).toBe(
      "transition_not_allowed",
    );
    expect(refusal(() => checkTransition(state, definition, transition("approve"), ids.officer))).toBe(
      "guard_fourEyes",
    );
    expect(
      refusal(() => checkTransition(state, definition, transition("approve"), ids.approver)),
    ).toBeUndefined();
  });
});
