import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse as TestResponse } from "fastify";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHostKey } from "../../../../test/support/host-key.js";
import { hotelStay } from "../../../../test/support/hotel-stay.js";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { listOnWatchList } from "../../../../test/support/watched-person.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { driverConnection, queryRows } from "../../../platform/db/index.js";
import { newCasesWaiting } from "./write-new-cases.js";

/**
 * Requests that arrive while the writer is busy are written together, in one transaction. Each
 * must get the answer it gets when the requests are written alone, one after the other: the same
 * status, the same register outcome for each guest, the same guests found to be one person, and
 * the same rows in the database, the same cases on hold (a guest on a watch list rolls the whole
 * group back, and its requests make their cases again with the holds found). Two servers on two
 * databases receive the same requests; on the first, two requests held on a register lock keep
 * both of its groups busy while the others arrive, so that these are written as one group when
 * the lock is let go. PostgreSQL only: the
 * embedded database runs one statement at a time, so nothing can be held there.
 */
const clock = new ManualClock("2026-02-02T06:00:00Z");
let together: TestApp;
let alone: TestApp;
const keys = new Map<TestApp, string>();

/** Surnames of a run's guests: each run's its own, so that runs do not match each other's guests. */
const surnames = ["Aliyev", "Huseynov", "Quliyev", "Ismayilov", "Abbasov", "Rzayev", "Suleymanov", "Babayev"];
const givenNames = ["Elvin", "Aysel", "Rashad", "Leyla"];

interface Guest {
  person: number;
  variant: "as-is" | "capitals" | "passport-typo" | "other-citizenship" | "watched";
}

/** A person both servers' watch lists hold: the guest of the `watched` variant, whoever was drawn. */
const watched = { fullName: "Rauf Quliyev", birthDate: "1984-03-12", passport: "C01234567" };

type RequestPlan =
  | { kind: "one"; guest: Guest }
  | { kind: "batch"; guests: [Guest, Guest] }
  | { kind: "retry"; of: number; changed: boolean };

const stay = hotelStay("2026-01-30", "2026-02-20");

function guestAnswers(run: number, { person, variant }: Guest) {
  const given = givenNames[person] as string;
  const surname = surnames[run % surnames.length] as string;
  const passport = `P${run}${person}7001`;
  if (variant === "watched") {
    return {
      guestFullName: watched.fullName,
      guestBirthDate: watched.birthDate,
      guestCitizenship: "TR",
      guestPassportNumber: watched.passport,
      ...stay,
    };
  }
  return {
    guestFullName: variant === "capitals" ? `${given} ${surname}`.toUpperCase() : `${given} ${surname}`,
    guestBirthDate: `198${person}-0${person + 2}-1${person}`,
    guestCitizenship: variant === "other-citizenship" ? "GE" : "TR",
    guestPassportNumber: variant === "passport-typo" ? passport.replace(/1$/, "7") : passport,
    ...stay,
  };
}

/** The guests who hold both groups of the first server: no one else is like them. */
const blockers = [
  { name: "Wei Zhang", birth: "1951-10-03", citizenship: "CN" },
  { name: "Olumide Adeyemi", birth: "1956-12-24", citizenship: "NG" },
];
const blockerPassport = (run: number, index: number) => `H${run}${index}0990`;

function blockerAnswers(run: number, index: number) {
  const blocker = blockers[index] as (typeof blockers)[number];
  const answers = guestAnswers(run, { person: 0, variant: "as-is" });
  return {
    ...answers,
    guestFullName: blocker.name,
    guestBirthDate: blocker.birth,
    guestCitizenship: blocker.citizenship,
    guestPassportNumber: blockerPassport(run, index),
  };
}

interface Sent {
  path: string;
  body: unknown;
  key: string;
}

const single = "/api/v1/cases/stay-registration";
const bulk = "/api/v1/stay-registrations/bulk";
/** Every request sent so far, by run: a later run may retry one. */
const earlier: Sent[] = [];

function requestOf(run: number, index: number, plan: RequestPlan): Sent {
  const key = `run-${run}-${index}`;
  if (plan.kind === "one") return { path: single, body: { answers: guestAnswers(run, plan.guest) }, key };
  if (plan.kind === "batch") {
    return {
      path: bulk,
      body: { items: plan.guests.map((guest) => ({ answers: guestAnswers(run, guest) })) },
      key,
    };
  }
  const first = earlier[plan.of % earlier.length] as Sent;
  if (!plan.changed) return first;
  const body = first.body as { answers?: Record<string, unknown> };
  const answers = body.answers ?? guestAnswers(run, { person: 0, variant: "as-is" });
  return { path: single, body: { answers: { ...answers, hostName: "Another Hotel" } }, key: first.key };
}

const send = (app: TestApp, { path, body, key }: Sent) =>
  app.client().json("POST", path, body, { authorization: `Bearer ${keys.get(app)}`, "idempotency-key": key });

interface RegisteredPerson {
  outcome: string;
  registerId: string | null;
}

/** What a request was answered, with the register's persons named by their first appearance. */
function answersOf(responses: TestResponse[]) {
  const names = new Map<string, string>();
  const nameOf = (id: string | null) => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, `person ${names.size + 1}`);
    return names.get(id);
  };
  return responses.map((response) => {
    const body = response.json() as {
      code?: string;
      cases?: Array<{ registeredPersons?: RegisteredPerson[] }>;
      registeredPersons?: RegisteredPerson[];
    };
    const cases = body.cases ?? (body.registeredPersons ? [body] : []);
    return {
      status: response.statusCode,
      code: body.code,
      persons: cases.map((one) =>
        (one.registeredPersons ?? []).map((person) => `${person.outcome} ${nameOf(person.registerId)}`),
      ),
    };
  });
}

/** The rows a server holds: the same on both when each request was written as if alone. */
async function rowsOf(app: TestApp) {
  const [row] = await queryRows<Record<string, number>>(
    app.database.db,
    sql`select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events,
      (select count(*)::int from audit_records where action = 'case.submitted') as audited,
      (select count(*)::int from case_idempotency_keys) as keys,
      (select count(*)::int from people_persons) as persons, (select count(*)::int from people_names) as names,
      (select count(*)::int from people_documents) as documents,
      (select count(*)::int from people_case_links) as links,
      (select count(*)::int from people_review_items) as reviews,
      (select count(*)::int from cases where hold is not null) as held`,
  );
  return row;
}

/** Waits until the first server's two blocking requests wait for the held locks. */
async function blockersWaiting(app: TestApp): Promise<void> {
  await vi.waitFor(
    async () => {
      const [row] = await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
          and database = (select oid from pg_database where datname = current_database())`,
      );
      expect(row?.n).toBe(2);
    },
    { timeout: 10_000, interval: 10 },
  );
}

async function sendTogether(run: number, requests: Sent[]): Promise<TestResponse[]> {
  const pool = driverConnection(together.database.db) as pg.Pool;
  const holder = await pool.connect();
  let held: Array<Promise<TestResponse>> = [];
  const sent: Array<Promise<TestResponse>> = [];
  try {
    for (const index of [0, 1]) {
      await holder.query("select pg_advisory_lock(hashtextextended($1, 0))", [
        `karvan.people.d:${blockerPassport(run, index)}`,
      ]);
    }
    held = [0, 1].map((index) =>
      send(together, {
        path: single,
        body: { answers: blockerAnswers(run, index) },
        key: `hold-${run}-${index}`,
      }),
    );
    await blockersWaiting(together);
    // One at a time into the queue, so that the group holds them in the order sent.
    const context = together.karvan.cases.systemContext();
    for (const request of requests) {
      sent.push(send(together, request));
      const queued = sent.length;
      await vi.waitFor(() => expect(newCasesWaiting(context)).toBe(queued), { timeout: 10_000, interval: 2 });
    }
  } finally {
    await holder.query("select pg_advisory_unlock_all()");
    holder.release();
  }
  const blocked = await Promise.all(held);
  expect(blocked.map((response) => response.statusCode)).toEqual([201, 201]);
  return Promise.all(sent);
}

async function sendAlone(run: number, requests: Sent[]): Promise<TestResponse[]> {
  for (const index of [0, 1]) {
    const answers = blockerAnswers(run, index);
    const response = await send(alone, { path: single, body: { answers }, key: `hold-${run}-${index}` });
    expect(response.statusCode).toBe(201);
  }
  const responses: TestResponse[] = [];
  for (const request of requests) responses.push(await send(alone, request));
  return responses;
}

const guestArbitrary: fc.Arbitrary<Guest> = fc.record({
  person: fc.integer({ min: 0, max: givenNames.length - 1 }),
  variant: fc.constantFrom("as-is", "capitals", "passport-typo", "other-citizenship", "watched"),
});

const planArbitrary: fc.Arbitrary<RequestPlan> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("one" as const), guest: guestArbitrary }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("batch" as const),
      guests: fc.tuple(guestArbitrary, guestArbitrary),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("retry" as const), of: fc.nat(), changed: fc.boolean() }),
  },
);

describe.runIf(process.env.KARVAN_TEST_DB === "postgres")("requests written together", () => {
  beforeAll(async () => {
    [together, alone] = await Promise.all([createTestApp({ clock }), createTestApp({ clock })]);
    for (const app of [together, alone]) {
      keys.set(app, await createHostKey(app.database.db, clock, "night@pearl.az"));
      await listOnWatchList(app.database.db, watched);
    }
  });

  afterAll(async () => {
    await Promise.all([together?.close(), alone?.close()]);
  });

  it("answer each request as writing them alone, one after the other, does, and leave the same rows", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(planArbitrary, { minLength: 2, maxLength: 6 }), async (plans) => {
        run += 1;
        // A retry names a request of an earlier run, never one of its own group.
        const usable = earlier.length > 0 ? plans : plans.filter((plan) => plan.kind !== "retry");
        const requests = usable.map((plan, index) => requestOf(run, index, plan));
        const keysOfRun = requests.map((request) => request.key);
        fc.pre(new Set(keysOfRun).size === keysOfRun.length);
        const [grouped, oneByOne] = [await sendTogether(run, requests), await sendAlone(run, requests)];
        expect(answersOf(grouped)).toEqual(answersOf(oneByOne));
        expect(await rowsOf(together)).toEqual(await rowsOf(alone));
        earlier.push(...requests.filter((request) => request.key.startsWith(`run-${run}-`)));
      }),
      { numRuns: 8 },
    );
  });
});
