import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { ManualClock } from "../../../platform/clock/index.js";
import type { Principal } from "../../access/index.js";
import {
  type CasesContext,
  CaseTypeRegistry,
  calendarDeadlineClock,
  InvalidCaseTypeError,
  saveAnswers,
  startApplication,
  submitApplication,
} from "../../cases/index.js";
import type { StatisticsContext } from "../statistics-context.js";
import { computeExactTable } from "../tables/compute-official-table.js";
import type { OfficialObservation } from "../tables/official-table.js";
import { type TableDefinition, tableDefinition } from "../tables/table-definitions.js";
import { declaredFamilyPermit, declaredRegistration } from "../test-support/declared-case-types.js";
import { rebuildStatistics } from "./rebuild-statistics.js";
import { catchUpStatistics } from "./statistics-projector.js";

const registry = new CaseTypeRegistry([declaredFamilyPermit, declaredRegistration]);
const deadlines = calendarDeadlineClock(loadLegalCalendars().of("AZ"));
const clock = new ManualClock("2026-02-02T06:00:00Z");
let database: TestDatabase;
let statistics: StatisticsContext;

const applicant: Principal = {
  userId: "00000000-0000-4000-8000-000000000081",
  email: "applicant@example.org",
  fullName: "Amina Rahimova",
  kind: "public",
  agencyId: null,
  roles: [],
  permissions: new Set(["portal.apply"]),
  locale: "en",
};

beforeAll(async () => {
  database = await createTestDatabase();
  statistics = { db: database.db, registry, deadlines };
});
afterAll(async () => {
  await database.destroy();
});

/** Starts, answers and submits a case of the type; the type decides it on submission. */
async function submitted(typeCode: string, answers: Record<string, unknown>): Promise<void> {
  const as: CasesContext = { db: database.db, clock, registry, deadlines, principal: applicant };
  const draft = await startApplication(as, typeCode);
  const answered = await saveAnswers(as, draft.id, draft.lastSeq, "person", {
    personCitizenship: "TR",
    personBirthDate: "1990-05-17",
    personSex: "F",
    personDocument: "U1234567",
    homeAddress: { street: "Nizami 10", city: "Gəncə", region: "AZ-GA", postcode: "AZ2000" },
    relationship: "spouse",
    ...answers,
  });
  await submitApplication(as, answered.id);
}

async function table(code: string, period: string): Promise<OfficialObservation[]> {
  return (await computeExactTable(database.db, tableDefinition(code) as TableDefinition, period))
    .observations;
}

function valueAt(observations: OfficialObservation[], key: Record<string, string>): number | undefined {
  return (
    observations.find((one) => Object.entries(key).every(([id, code]) => one.key[id] === code))?.value ??
    undefined
  );
}

describe("a case type the statistics module does not know", () => {
  it("appears in the official tables its statistics section declares, and a rebuild agrees", async () => {
    await submitted("declared-family-permit", {});
    await submitted("declared-family-permit", { personDocument: "U7654321", relationship: "other" });
    await submitted("declared-registration", { personCitizenship: "IR" });
    await catchUpStatistics(statistics);

    for (let round = 0; round < 2; round += 1) {
      const applications = await table("applications-by-type", "2026-02");
      expect(valueAt(applications, { case_type: "declared-family-permit", region: "AZ-GA" })).toBe(2);
      expect(valueAt(applications, { case_type: "declared-registration", region: "TOTAL" })).toBeUndefined();
      const decisions = await table("decisions-by-type", "2026-02");
      expect(
        valueAt(decisions, { case_type: "declared-family-permit", decision: "GRANTED", region: "AZ-GA" }),
      ).toBe(2);
      // The person, the reason from the relationship and the validity (24 months) as declared.
      const first = await table("first-permits", "2026");
      const permits = { citizen: "TR", sex: "F", age: "Y35-64", duration: "GE12M" };
      expect(valueAt(first, { ...permits, reason: "FAM" })).toBe(1);
      expect(valueAt(first, { ...permits, reason: "OTH" })).toBe(1);
      expect(valueAt(first, { ...permits, reason: "TOTAL" })).toBe(2);
      const valid = await table("valid-permits", "2026");
      expect(valueAt(valid, { citizen: "TR", sex: "F", age: "TOTAL", reason: "TOTAL" })).toBe(2);
      const registrations = await table("stay-registrations", "2026-02");
      expect(valueAt(registrations, { citizen: "IR", region: "AZ-GA" })).toBe(1);
      expect(valueAt(registrations, { citizen: "TOTAL", region: "TOTAL" })).toBe(1);
      await rebuildStatistics(statistics);
    }
  });

  it("is refused when its statistics section names a question it does not ask, or leaves an outcome out", () => {
    const section = declaredFamilyPermit.statistics as NonNullable<typeof declaredFamilyPermit.statistics>;
    const broken = (statistics: typeof section) => () =>
      new CaseTypeRegistry([{ ...declaredFamilyPermit, statistics }]);
    expect(broken({ ...section, person: { citizenship: "guestCitizenship" } })).toThrow(
      /guestCitizenship is not a question of the form/,
    );
    expect(broken({ ...section, place: ["personBirthDate"] })).toThrow(InvalidCaseTypeError);
    expect(broken({ ...section, outcomes: {} })).toThrow(/outcome granted has no official category/);
  });
});
