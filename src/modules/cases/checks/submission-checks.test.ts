import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { caseTypeDefinitions } from "../../permits/index.js";
import { CaseTypeRegistry } from "../definition/registry.js";
import { calendarDeadlineClock } from "../engine/calendar-deadline-clock.js";
import { applyEvent, type CaseState, initialCaseState } from "../engine/case-state.js";
import type { CaseEvent, HoldFinding, PendingCaseEvent } from "../engine/events.js";
import { submittedEvents } from "../operations/submit-application.js";
import { runSubmissionChecks, runSubmissionChecksOfCases, submittedPersons } from "./submission-checks.js";

const definition = new CaseTypeRegistry(caseTypeDefinitions).latest("stay-registration");
const deadlines = calendarDeadlineClock(loadLegalCalendars().of("AZ"));
const answers = {
  guestFullName: "Məmmədov Elvin",
  guestBirthDate: "1990-05-01",
  guestCitizenship: "RU",
  guestPassportNumber: "C76543210",
};
const finding: HoldFinding = {
  entryId: "00000000-0000-4000-8000-000000000001",
  list: "entry_ban",
  score: 24,
  fields: [{ field: "surname", level: "equal", weight: 8.06 }],
};

function replay(pending: PendingCaseEvent[]): CaseState {
  if (!definition) throw new Error("no stay registration");
  const at = new Date("2026-03-02T08:00:00Z");
  const events = pending.map(
    ({ actor, ...body }, index) =>
      ({ ...body, caseId: "c", seq: index + 1, actor: actor ?? { type: "user", id: "u" }, at }) as CaseEvent,
  );
  const [created, ...rest] = events as [CaseEvent, ...CaseEvent[]];
  return rest.reduce(
    (state, event) => applyEvent(state, event, definition, deadlines),
    initialCaseState(created, definition),
  );
}

describe("submission checks", () => {
  it("read the persons the definition declares from the answers", () => {
    if (!definition) throw new Error("no stay registration");
    expect(submittedPersons(definition, answers)).toEqual([
      {
        names: ["Məmmədov Elvin"],
        birthDate: "1990-05-01",
        sex: null,
        citizenship: "RU",
        documentNumber: "C76543210",
      },
    ]);
  });

  it("keep the strongest finding of several checks, and none when no check finds anything", async () => {
    if (!definition) throw new Error("no stay registration");
    const weaker = { ...finding, score: 13 };
    const db = {} as never;
    const answering =
      (one: HoldFinding | null) =>
      async ({ persons }: { persons: unknown[] }) =>
        persons.map(() => one);
    const checks = [answering(weaker), answering(finding), answering(null)];
    expect(await runSubmissionChecks(checks, db, definition, answers)).toEqual({
      ...finding,
      personIndex: 0,
    });
    expect(await runSubmissionChecks([answering(null)], db, definition, answers)).toBeNull();
  });

  it("ask each check once for a batch's persons, and hold each case by its own persons' findings", async () => {
    if (!definition) throw new Error("no stay registration");
    const asked: number[] = [];
    const byName =
      (score: number) =>
      async ({ persons }: { persons: Array<{ names: string[] }> }) => {
        asked.push(persons.length);
        return persons.map((person) => (person.names[0] === "Kaya Zeynep" ? { ...finding, score } : null));
      };
    const batch = [answers, { ...answers, guestFullName: "Kaya Zeynep" }, answers];
    expect(
      await runSubmissionChecksOfCases([byName(13), byName(24)], {} as never, definition, batch),
    ).toEqual([null, { ...finding, score: 24, personIndex: 0 }, null]);
    expect(asked).toEqual([3, 3]);
  });

  it("hold a registration instead of deciding it; the release gives the category of its state back", () => {
    if (!definition) throw new Error("no stay registration");
    const created: PendingCaseEvent = {
      type: "case.created",
      payload: {
        typeCode: definition.code,
        typeVersion: definition.version,
        number: "REG-2026-000001",
        applicantUserId: "u",
        agencyId: "a",
        state: "draft",
      },
    };
    const draft = replay([created, { type: "case.answers_saved", payload: { answers } }]);
    const submission = submittedEvents(draft, definition, {
      today: "2026-03-02",
      documentNumber: null,
      agencies: () => [],
      hold: finding,
    });
    expect(submission.map((event) => event.type)).toEqual(["case.submitted", "case.held"]);
    const held = replay([created, { type: "case.answers_saved", payload: { answers } }, ...submission]);
    expect(held).toMatchObject({
      state: "registered",
      category: "open",
      decision: null,
      hold: { status: "open", score: 24 },
    });
    const released = replay([
      created,
      { type: "case.answers_saved", payload: { answers } },
      ...submission,
      { type: "case.hold_released", payload: { reason: "Another person" } },
    ]);
    expect(released).toMatchObject({
      category: "decided",
      hold: { status: "released", reason: "Another person", resolvedBy: "u" },
    });
  });
});
