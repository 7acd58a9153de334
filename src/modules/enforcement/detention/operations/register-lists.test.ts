import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/database.js";
import { loadLegalCalendars } from "../../../../platform/calendar/index.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import type { Principal } from "../../../access/index.js";
import { registerOccurrence } from "../../../people/index.js";
import type { DetentionContext } from "../detention-context.js";
import type { StayFilters } from "../detention-filters.js";
import type { DetentionLaw } from "../detention-law.js";
import { insertCentre, insertPlacement } from "../detention-repository.js";
import { centreOccupancy } from "./centre-occupancy.js";
import { listStays } from "./list-stays.js";

// Friday 20 February 2026 in Baku: no holiday in February, so notice days are the working day before.
const clock = new ManualClock("2026-02-20T08:00:00Z");
const sourced = { source: "a law used only by this test", status: "confirmed" as const };
const law: DetentionLaw = {
  country: "AZ",
  initialPeriod: { months: 3, ...sourced },
  extensionPeriod: { months: 3, ...sourced },
  maximumTotal: { months: 6, ...sourced },
  headNoticeWorkingDays: { workingDays: 1, ...sourced },
};
const ourAgency = randomUUID();
const otherAgency = randomUUID();
let database: TestDatabase;
const centre = { a: randomUUID(), b: randomUUID() };
const stay: Record<"karimov" | "haddad" | "rostami" | "jafari" | "karimi" | "moradi", string> = {
  karimov: randomUUID(),
  haddad: randomUUID(),
  rostami: randomUUID(),
  jafari: randomUUID(),
  karimi: randomUUID(),
  moradi: randomUUID(),
};
const personOf: Record<string, string> = {};

function contextOf(agencyId: string, allAgencies = false): DetentionContext {
  const principal: Principal = {
    userId: randomUUID(),
    email: "detention@example.org",
    fullName: "Detention Officer",
    kind: "staff",
    agencyId,
    roles: ["detention_officer"],
    permissions: new Set(
      allAgencies ? ["detention.manage", "scope.all_agencies"] : ["detention.manage"],
    ) as Principal["permissions"],
    locale: "en",
  };
  return {
    db: database.db,
    clock,
    calendar: loadLegalCalendars().of("AZ"),
    law,
    config: { peopleLinkScore: 15, peopleReviewScore: 10, publicUrl: "http://localhost" },
    principal,
    requestId: "register-lists-test",
  };
}

const noFilters: StayFilters = { q: "", centre: "", status: null, overdue: false, from: null, to: null };

async function ids(filters: Partial<StayFilters>, paging = { page: 1, limit: 50 }, agency = ourAgency) {
  const list = await listStays(contextOf(agency), { ...noFilters, ...filters }, paging);
  const byId = new Map(Object.entries(stay).map(([name, id]) => [id, name]));
  return list.stays.map((one) => byId.get(one.placement.id));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const at = new Date("2026-01-05T08:00:00Z");
  for (const [id, code, capacity] of [
    [centre.a, "TEST-A", 2],
    [centre.b, "TEST-B", 5],
  ] as const) {
    const names = { az: `Mərkəz ${code}`, en: `Centre ${code}`, ru: `Центр ${code}` };
    await insertCentre(db, {
      id,
      code,
      names,
      region: "AZ-BA",
      capacity,
      headEmail: "head@example.org",
      headLocale: "en",
      createdBy: randomUUID(),
      createdAt: at,
    });
  }
  const place = async (
    name: keyof typeof stay,
    person: { fullName: string; document?: string },
    facts: { centre: string; start: string; until: string; ended?: ["released" | "removed", string] },
    agencyId = ourAgency,
  ) => {
    const registered = await registerOccurrence(
      db,
      { fullName: person.fullName, document: person.document ? { number: person.document } : undefined },
      { kind: "record", register: "detention", recordId: stay[name] },
      { thresholds: { link: 15, review: 10 }, at },
    );
    const personId = registered.personId ?? "";
    personOf[name] = personId;
    await insertPlacement(db, {
      id: stay[name],
      personId,
      centreId: facts.centre,
      agencyId,
      legalBasis: "Migration Code",
      orderingAuthority: "Baku Administrative Court",
      courtDecisionReference: name === "haddad" ? "2(101)-45/2026" : `2(101)-${name}/2026`,
      startDate: facts.start,
      initialUntil: facts.until,
      permittedUntil: facts.until,
      status: facts.ended?.[0] ?? "placed",
      endedOn: facts.ended?.[1] ?? null,
      responsibleOfficerId: randomUUID(),
      createdBy: randomUUID(),
      createdAt: at,
    });
  };
  await place(
    "karimov",
    { fullName: "Aziz Karimov", document: "P1111111" },
    { centre: centre.a, start: "2026-02-01", until: "2026-02-18" },
  );
  await place(
    "haddad",
    { fullName: "Leyla Haddad" },
    { centre: centre.a, start: "2026-02-10", until: "2026-05-09", ended: ["released", "2026-02-15"] },
  );
  await place(
    "rostami",
    { fullName: "Omid Rostami" },
    { centre: centre.b, start: "2026-02-14", until: "2026-02-23" },
  );
  await place(
    "jafari",
    { fullName: "Navid Jafari" },
    { centre: centre.a, start: "2026-02-16", until: "2026-04-30" },
  );
  await place(
    "karimi",
    { fullName: "Reza Karimi" },
    { centre: centre.a, start: "2026-01-05", until: "2026-02-04", ended: ["removed", "2026-02-04"] },
  );
  await place(
    "moradi",
    { fullName: "Kian Moradi" },
    { centre: centre.a, start: "2026-02-12", until: "2026-04-10" },
    otherAgency,
  );
});

afterAll(async () => {
  await database?.destroy();
});

describe("the register's list", () => {
  it("lists the agency's stays, running ones by their next legal date, then the latest ended", async () => {
    const list = await listStays(contextOf(ourAgency), noFilters, { page: 1, limit: 50 });
    expect(await ids({})).toEqual(["karimov", "rostami", "jafari", "haddad", "karimi"]);
    expect(list.stays.map((one) => [one.standing, one.nextLegalDate, one.daysOver])).toEqual([
      ["overdue", "2026-02-18", 2],
      // Ends on Monday 23 February: the head is told on Friday 20, today.
      ["expiring", "2026-02-20", 0],
      ["in_time", "2026-04-29", 0],
      ["ended", null, 0],
      ["ended", null, 0],
    ]);
    expect(list.stays[0]?.person?.name).toBe("Aziz Karimov");
    expect(await ids({}, { page: 1, limit: 50 }, otherAgency)).toEqual(["moradi"]);
    const everyone = await listStays(contextOf(ourAgency, true), noFilters, { page: 1, limit: 50 });
    expect(everyone.total).toBe(6);
  });

  it("narrows by centre, status, overdue and the period the stay overlaps", async () => {
    expect(await ids({ centre: "test-b" })).toEqual(["rostami"]);
    expect(await ids({ centre: centre.b })).toEqual(["rostami"]);
    expect(
      (await listStays(contextOf(ourAgency), { ...noFilters, centre: "NOPE" }, { page: 1, limit: 5 }))
        .unknownCentre,
    ).toBe(true);
    expect(await ids({ status: "placed" })).toEqual(["karimov", "rostami", "jafari"]);
    expect(await ids({ status: "released" })).toEqual(["haddad"]);
    expect(await ids({ status: "removed" })).toEqual(["karimi"]);
    expect(await ids({ overdue: true })).toEqual(["karimov"]);
    // In detention on a day from 5 to 12 February: Karimi left on the 4th, Rostami came on the 14th.
    expect(await ids({ from: "2026-02-05", to: "2026-02-12" })).toEqual(["karimov", "haddad"]);
    expect(await ids({ from: "2026-02-15" })).toEqual(["karimov", "rostami", "jafari", "haddad"]);
    expect(await ids({ to: "2026-02-04" })).toEqual(["karimov", "karimi"]);
  });

  it("finds by name in any script, register id, document number, court case number and reference", async () => {
    expect(await ids({ q: "Aziz Karimov" })).toEqual(["karimov"]);
    expect(await ids({ q: "Азиз Каримов" })).toEqual(["karimov"]);
    expect(await ids({ q: "p111 1111" })).toEqual(["karimov"]);
    expect(await ids({ q: personOf.rostami })).toEqual(["rostami"]);
    expect(await ids({ q: "101)-45" })).toEqual(["haddad"]);
    expect(await ids({ q: stay.jafari.slice(0, 8) })).toEqual(["jafari"]);
    expect(await ids({ q: "Kian Moradi" })).toEqual([]);
    expect(await ids({ q: "Nobody Atall" })).toEqual([]);
  });

  it("pages the list, a page past the end showing the last, and audits what was shown", async () => {
    expect(await ids({}, { page: 1, limit: 2 })).toEqual(["karimov", "rostami"]);
    expect(await ids({}, { page: 2, limit: 2 })).toEqual(["jafari", "haddad"]);
    const last = await listStays(contextOf(ourAgency), noFilters, { page: 9, limit: 2 });
    expect([last.page, last.pageCount, last.total, last.stays.map((one) => one.placement.id)]).toEqual([
      3,
      3,
      5,
      [stay.karimi],
    ]);
    const [audit] = await queryRows<{ details: { shown: string; page: number } }>(
      database.db,
      sql`select details from audit_records where action = 'detention_register.listed' order by id desc limit 1`,
    );
    expect(audit?.details).toMatchObject({ shown: stay.karimi, page: 3 });
  });
});

describe("occupancy over a chosen period", () => {
  it("counts present, arrivals and releases per centre and day, every agency's stays", async () => {
    const occupancy = await centreOccupancy(contextOf(ourAgency), { from: "2026-02-10", to: "2026-02-16" });
    const figures = (id: string) =>
      occupancy.centres
        .find((one) => one.centre.id === id)
        ?.days.map((day) => [day.date.slice(8), day.present, day.arrivals, day.releases]);
    // Centre A: Karimov throughout; Haddad 10-15 (released on the 15th); Moradi (another agency)
    // from the 12th; Jafari from the 16th. Karimi left on 4 February, before the period.
    expect(figures(centre.a)).toEqual([
      ["10", 2, 1, 0],
      ["11", 2, 0, 0],
      ["12", 3, 1, 0],
      ["13", 3, 0, 0],
      ["14", 3, 0, 0],
      ["15", 2, 0, 1],
      ["16", 3, 1, 0],
    ]);
    expect(figures(centre.b)).toEqual([
      ["10", 0, 0, 0],
      ["11", 0, 0, 0],
      ["12", 0, 0, 0],
      ["13", 0, 0, 0],
      ["14", 1, 1, 0],
      ["15", 1, 0, 0],
      ["16", 1, 0, 0],
    ]);
  });

  it("refuses a period longer than a year", async () => {
    await expect(
      centreOccupancy(contextOf(ourAgency), { from: "2025-02-19", to: "2026-02-19" }),
    ).rejects.toMatchObject({ code: "detention_period_invalid", status: 400 });
    const year = await centreOccupancy(contextOf(ourAgency), { from: "2025-02-20", to: "2026-02-19" });
    expect(year.centres[0]?.days).toHaveLength(365);
  });
});
