import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { historiesAfter, loadEventsOfCases } from "./event-store.js";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

let database: TestDatabase;

/** Cases 1..5; case 3 has no events (a row written by hand or an import), the others n events. */
beforeAll(async () => {
  database = await createTestDatabase();
  for (const n of [1, 2, 3, 4, 5]) {
    await database.db.execute(sql`insert into cases (id, number, type_code, type_version, state, category,
        agency_id, answers, pauses, documents, requested_documents, last_seq, created_at, updated_at)
      values (${uuid(n)}::uuid, ${`T-2026-00000${n}`}, 'sample', 1, 'draft', 'draft',
        (select id from agencies order by code limit 1), '{}', '[]', '[]', '[]', 0, now(), now())`);
    if (n === 3) continue;
    for (let seq = 1; seq <= n; seq += 1) {
      await database.db.execute(sql`insert into case_events (case_id, seq, type, payload, actor_type, actor_id, at)
        values (${uuid(n)}::uuid, ${seq}, 'case.note_added', ${JSON.stringify({ text: `${n}.${seq}` })}::jsonb,
          'system', null, ${`2026-03-0${seq}T10:00:00Z`}::timestamptz)`);
    }
  }
});

afterAll(async () => {
  await database?.destroy();
});

describe("reading histories for projections", () => {
  it("pages through every case in id order, cases without events included, each history in order", async () => {
    const pages: Array<Array<[string, number[]]>> = [];
    for (let after: string | null = null; ; ) {
      const page = await historiesAfter(database.db, after, 2);
      if (page.lastCaseId === null) break;
      pages.push([...page.histories].map(([id, events]) => [id, events.map((event) => event.seq)]));
      after = page.lastCaseId;
    }
    expect(pages).toEqual([
      [
        [uuid(1), [1]],
        [uuid(2), [1, 2]],
      ],
      [
        [uuid(3), []],
        [uuid(4), [1, 2, 3, 4]],
      ],
      [[uuid(5), [1, 2, 3, 4, 5]]],
    ]);
  });

  it("reads events whole: payload, actor and instant", async () => {
    const { histories } = await historiesAfter(database.db, uuid(1), 1);
    const [event] = histories.get(uuid(2)) ?? [];
    expect(event).toMatchObject({
      type: "case.note_added",
      caseId: uuid(2),
      seq: 1,
      payload: { text: "2.1" },
      actor: { type: "system", id: null },
    });
    expect(event?.at).toEqual(new Date("2026-03-01T10:00:00Z"));
  });

  it("loads the histories of chosen cases the same way", async () => {
    const histories = await loadEventsOfCases(database.db, [uuid(2), uuid(3)]);
    expect([...histories].map(([id, events]) => [id, events.length])).toEqual([
      [uuid(2), 2],
      [uuid(3), 0],
    ]);
    expect(histories.get(uuid(2))?.[1]?.at).toEqual(new Date("2026-03-02T10:00:00Z"));
  });

  it("reads instants to the millisecond exactly as the driver parses the timestamps", async () => {
    const instants = [
      "2026-03-01T10:00:00.123999Z",
      "2026-03-01T10:00:00.124Z",
      "2026-03-01T10:00:00.999999Z",
      "2024-02-29T23:59:59.000001Z",
      "2025-12-31T20:00:00.500500Z",
    ];
    await database.db.execute(sql`insert into cases (id, number, type_code, type_version, state, category,
        agency_id, answers, pauses, documents, requested_documents, last_seq, created_at, updated_at)
      values (${uuid(6)}::uuid, 'T-2026-000006', 'sample', 1, 'draft', 'draft',
        (select id from agencies order by code limit 1), '{}', '[]', '[]', '[]', 0, now(), now())`);
    for (const [index, at] of instants.entries()) {
      await database.db.execute(sql`insert into case_events (case_id, seq, type, payload, actor_type, actor_id, at)
        values (${uuid(6)}::uuid, ${index + 1}, 'case.note_added', '{}'::jsonb, 'system', null, ${at}::timestamptz)`);
    }
    const parsed = (
      await queryRows<{ at: Date | string }>(
        database.db,
        sql`select at from case_events where case_id = ${uuid(6)}::uuid order by seq`,
      )
    ).map((row) => new Date(row.at).getTime());
    expect(parsed).toHaveLength(instants.length);
    const { histories } = await historiesAfter(database.db, uuid(5), 1);
    const loaded = await loadEventsOfCases(database.db, [uuid(6)]);
    for (const events of [histories.get(uuid(6)), loaded.get(uuid(6))]) {
      expect(events?.map((event) => event.at.getTime())).toEqual(parsed);
    }
    expect(parsed[0]).toBe(Date.parse("2026-03-01T10:00:00.123Z"));
  });
});
