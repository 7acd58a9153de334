import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHostKey } from "../../../../test/support/host-key.js";
import { hotelStay } from "../../../../test/support/hotel-stay.js";
import { countStatements, type StatementCounter } from "../../../../test/support/statement-counter.js";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { listOnWatchList } from "../../../../test/support/watched-person.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { driverConnection, queryRows } from "../../../platform/db/index.js";
import { apiKeyPrefix } from "../../access/api-keys/api-key-format.js";
import { loadApiKeyWithOwner } from "../../access/principal-repository.js";
import type { CasesContext } from "../cases-context.js";
import type { SubmissionCheck } from "../checks/submission-checks.js";
import { createSubmittedCases } from "./create-submitted-cases.js";

/**
 * What a host's registration costs the database, in statements and, on a PostgreSQL server, in
 * round trips (the statements that travel together count once), and that a batch's persons are
 * locked so that two batches cannot deadlock.
 * The clock stands still, so the key, the agency and the case numbers are in memory after the first
 * request, as they mostly are for a busy host.
 */
const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;
let counter: StatementCounter;
let key: string;

const hostKey = (email: string) => createHostKey(app.database.db, clock, email);

const guest = (name: string, passport: string) => ({
  guestFullName: name,
  guestBirthDate: "1990-05-01",
  guestCitizenship: "TR",
  guestPassportNumber: passport,
  ...hotelStay("2026-01-30", "2026-02-20"),
});

let requests = 0;
function register(answers: Record<string, unknown>, as = key) {
  requests += 1;
  return app
    .client()
    .json(
      "POST",
      "/api/v1/cases/stay-registration",
      { answers },
      { authorization: `Bearer ${as}`, "idempotency-key": `stay-${requests}` },
    );
}

function registerBatch(guests: Array<Record<string, unknown>>, as = key) {
  requests += 1;
  return app
    .client()
    .json(
      "POST",
      "/api/v1/stay-registrations/bulk",
      { items: guests.map((answers) => ({ answers })) },
      { authorization: `Bearer ${as}`, "idempotency-key": `night-${requests}` },
    );
}

const countOf = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(app.database.db, query))[0]?.n ?? 0;

beforeAll(async () => {
  app = await createTestApp({ clock });
  key = await hostKey("reception@caspian-pearl.az");
  // The key read and remembered, the agency and a reserve of case numbers drawn.
  expect((await register(guest("Nino Beridze", "C1000001"))).statusCode).toBe(201);
  counter = countStatements(app.database);
});

afterAll(async () => {
  counter?.restore();
  await app?.close();
});

describe("the statements of a host's registration", () => {
  it("a new guest: the watch lists, the register's locks, the case and the register's read together, one write", async () => {
    const { result, statements, roundTrips } = await counter.count(() =>
      register(guest("Elvin Mammadov", "U1234567")),
    );
    expect(result.statusCode).toBe(201);
    expect(result.json().registeredPersons).toEqual([
      { role: "guest", slot: 0, outcome: "new", registerId: expect.any(String) },
    ]);
    // begin, watch lists, locks, case, register read, register write, commit
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(7);
    // begin, watch lists, locks, case and register read together; register write with commit
    if (roundTrips !== null) expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(2);
  });

  it("a guest known already: one more, the person locked while what is new is added", async () => {
    const { result, statements, roundTrips } = await counter.count(() =>
      register(guest("ELVIN MAMMADOV", "U1234567")),
    );
    expect(result.statusCode).toBe(201);
    expect(result.json().registeredPersons).toEqual([
      { role: "guest", slot: 0, outcome: "linked", registerId: expect.any(String) },
    ]);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(8);
    if (roundTrips !== null) expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(3);
  });

  it("a batch: as many statements for five new guests as for one", async () => {
    const guests = ["Olga Petrova", "Aziz Karimov", "Fatima Haddad", "Ivan Sokolov", "Maryam Hosseini"].map(
      (name, n) => ({ ...guest(name, `B200000${n}`), guestBirthDate: `19${70 + n}-0${n + 1}-1${n}` }),
    );
    const { result, statements, roundTrips } = await counter.count(() => registerBatch(guests));
    expect(result.statusCode).toBe(201);
    expect(result.json().cases.map((one: { registeredPersons: unknown[] }) => one.registeredPersons)).toEqual(
      guests.map(() => [{ role: "guest", slot: 0, outcome: "new", registerId: expect.any(String) }]),
    );
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(7);
    if (roundTrips !== null) expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(2);
  });

  it("a guest on a watch list: the first writing rolled back, the case made again on hold and written", async () => {
    const watched = { fullName: "Rauf Quliyev", birthDate: "1984-03-12", passport: "C01234567" };
    await listOnWatchList(app.database.db, watched);
    const casesBefore = await countOf(sql`select count(*)::int as n from cases`);
    const { result, statements } = await counter.count(() =>
      register({ ...guest(watched.fullName, watched.passport), guestBirthDate: watched.birthDate }),
    );
    expect(result.statusCode).toBe(201);
    expect(result.json()).toMatchObject({ manualCheck: true, decision: null });
    // The watch lists asked in each writing; on the server, the first rolled back.
    expect(statements.filter((text) => text.startsWith("select asked.person"))).toHaveLength(2);
    if (process.env.KARVAN_TEST_DB === "postgres") {
      expect(statements.filter((text) => /^rollback/i.test(text))).toHaveLength(1);
    }
    const [held] = await queryRows<{ n: number; hold: string | null }>(
      app.database.db,
      sql`select count(*)::int as n, max(hold ->> 'list') as hold from cases where id = ${result.json().id}`,
    );
    expect(held).toEqual({ n: 1, hold: "entry_ban" });
    // Nothing of the rolled-back writing stays: one case more, with its one idempotency record.
    expect(await countOf(sql`select count(*)::int as n from cases`)).toBe(casesBefore + 1);
    expect(
      await countOf(
        sql`select count(*)::int as n from case_idempotency_keys where case_id = ${result.json().id}`,
      ),
    ).toBe(1);
  });

  it("checks whose answer changes at every writing: refused after five with 409, nothing written", async () => {
    const found = await loadApiKeyWithOwner(app.database.db, apiKeyPrefix(key) as string);
    if (!found?.owner) throw new Error("the host's key has no owner");
    let asked = 0;
    // A hit, then none, then a hit again: what lists changing between every writing would answer.
    const flipping: SubmissionCheck = async ({ persons }) => {
      asked += 1;
      const hit = { entryId: randomUUID(), list: "entry_ban", score: 20, fields: [] };
      return persons.map(() => (asked % 2 === 1 ? hit : null));
    };
    const context: CasesContext = {
      ...app.karvan.cases.systemContext(),
      principal: { ...found.owner, apiKeyId: found.key.id },
      submissionChecks: [flipping],
    };
    const casesBefore = await countOf(sql`select count(*)::int as n from cases`);
    await expect(
      createSubmittedCases(context, "stay-registration", [guest("Kamala Rahimova", "C5550123")], {
        idempotencyKey: "unsettled-1",
      }),
    ).rejects.toMatchObject({ code: "checks_unsettled", status: 409 });
    expect(asked).toBe(5);
    expect(await countOf(sql`select count(*)::int as n from cases`)).toBe(casesBefore);
    expect(
      await countOf(sql`select count(*)::int as n from case_idempotency_keys where key = 'unsettled-1'`),
    ).toBe(0);
  });
});

describe.runIf(process.env.KARVAN_TEST_DB === "postgres")(
  "two batches naming two guests in opposite orders",
  () => {
    it("both register, one after the other: no deadlock, and each guest is one person", async () => {
      const first = { ...guest("Zeynep Kaya", "U5550001"), guestBirthDate: "1981-03-04" };
      const second = {
        ...guest("Reza Ahmadi", "U5550002"),
        guestBirthDate: "1977-11-23",
        guestCitizenship: "IR",
      };
      const otherKey = await hostKey("night@caspian-pearl.az");
      // Someone holds the first guest's lock, so that both batches queue up behind it: the first
      // batch in line gets it, and would then wait for the second guest's lock if the second batch,
      // registering its own first guest, already held it (a deadlock, which the server breaks by
      // failing one of them).
      const pool = driverConnection(app.database.db) as pg.Pool;
      const holder = await pool.connect();
      const waiting = async (count: number) =>
        vi.waitFor(
          async () => {
            const [row] = await queryRows<{ n: number }>(
              app.database.db,
              sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
              and database = (select oid from pg_database where datname = current_database())`,
            );
            expect(row?.n).toBe(count);
          },
          { timeout: 10_000, interval: 20 },
        );
      let batches: Array<ReturnType<typeof registerBatch>> = [];
      try {
        await holder.query("select pg_advisory_lock(hashtextextended($1, 0))", ["karvan.people.d:U5550001"]);
        batches = [registerBatch([first, second])];
        await waiting(1);
        batches.push(registerBatch([second, first], otherKey));
        await waiting(2);
      } finally {
        await holder.query("select pg_advisory_unlock_all()");
        holder.release();
      }
      const [one, other] = await Promise.all(batches);
      expect(one?.statusCode, one?.body).toBe(201);
      expect(other?.statusCode, other?.body).toBe(201);
      const outcomes = (response: typeof one) =>
        response
          ?.json()
          .cases.map((one: { registeredPersons: Array<{ outcome: string }> }) =>
            one.registeredPersons.map((person) => person.outcome),
          );
      expect(outcomes(one)).toEqual([["new"], ["new"]]);
      expect(outcomes(other)).toEqual([["linked"], ["linked"]]);
      const persons = await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(distinct person_id)::int as n from people_documents where number in ('U5550001', 'U5550002')`,
      );
      expect(persons).toEqual([{ n: 2 }]);
    });
  },
);
