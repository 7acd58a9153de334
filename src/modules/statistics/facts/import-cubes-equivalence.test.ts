import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { statisticsContextOf } from "../../../composition-root.js";
import { queryRows } from "../../../platform/db/index.js";
import { cubeSnapshot } from "../cubes/cube-repository.js";
import type { ImportFile } from "../import/import-source.js";
import { parseImportFiles } from "../import/parse-import-files.js";
import { importFiles } from "./import-records.js";
import { rebuildStatistics } from "./rebuild-statistics.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

/** A small deterministic generator, so that every run imports the same files. */
function generator(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = (from: number, to: number) =>
    `${from + Math.floor(random() * (to - from + 1))}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  const after = (on: string, days: number) =>
    new Date(Date.parse(`${on}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { random, pick, date, after };
}

/**
 * Files of every kind over `persons` persons, ids prefixed by `tag` so that a second import adds
 * new records to the persons of the first (their cube contributions then change, cells come to 0).
 */
function files(tag: string, seed: number, persons: number, withPersons: boolean): ImportFile[] {
  const { random, pick, date, after } = generator(seed);
  const person = () => `p${Math.floor(random() * persons)}`;
  const regions = ["AZ-BA", "AZ-GA", ""];
  const lines = (header: string, count: number, line: (i: number) => string) =>
    [header, ...Array.from({ length: count }, (_, i) => line(i))].join("\n");
  const lodged: string[] = [];
  const asylum: boolean[] = [];
  const applications = lines(
    "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,region",
    persons,
    (i) => {
      asylum[i] = random() < 0.6;
      lodged[i] = date(2019, 2024);
      const withdrawn = random() < 0.1;
      const closed =
        withdrawn || random() < 0.6 ? after(lodged[i] as string, 20 + Math.floor(random() * 400)) : "";
      return `${tag}a${i},${person()},${asylum[i] ? "asylum" : "temporary-residence-permit"},${lodged[i]},${closed},${withdrawn ? "yes" : "no"},${pick(regions)}`;
    },
  );
  const orderPerson: string[] = [];
  const issued: string[] = [];
  const result: ImportFile[] = [
    { name: "applications.csv", content: applications },
    {
      name: "decisions.csv",
      content: lines("decision_id,application_id,instance,decided_on,outcome", persons, (i) => {
        const a = Math.floor(random() * persons);
        const outcome = asylum[a]
          ? pick(["GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"])
          : pick(["GRANTED", "REFUSED", "CLOSED"]);
        return `${tag}d${i},${tag}a${a},${pick(["first", "final"])},${after(lodged[a] as string, 10 + Math.floor(random() * 300))},${outcome}`;
      }),
    },
    {
      name: "permits.csv",
      content: lines("permit_id,person_id,case_type,reason,valid_from,valid_to,region", persons, (i) => {
        const from = date(2019, 2025);
        return `${tag}m${i},${person()},temporary-residence-permit,${pick(["FAM", "EDUC", "OCC", "OTH"])},${from},${after(from, pick([60, 120, 200, 365, 800]))},${pick(regions)}`;
      }),
    },
    {
      name: "detentions.csv",
      content: lines("detention_id,person_id,started_on,ended_on,region", persons / 4, (i) => {
        const from = date(2019, 2025);
        return `${tag}t${i},${person()},${from},${random() < 0.7 ? after(from, Math.floor(random() * 90)) : ""},${pick(regions)}`;
      }),
    },
    {
      name: "orders_to_leave.csv",
      content: lines("order_id,person_id,issued_on,region", persons / 4, (i) => {
        orderPerson[i] = person();
        issued[i] = date(2019, 2025);
        return `${tag}o${i},${orderPerson[i]},${issued[i]},${pick(regions)}`;
      }),
    },
    {
      name: "returns.csv",
      content: lines("return_id,person_id,returned_on,order_id", persons / 4, (i) => {
        const o = Math.floor(random() * (persons / 4));
        return `${tag}r${i},${orderPerson[o]},${after(issued[o] as string, Math.floor(random() * 200))},${random() < 0.8 ? `${tag}o${o}` : ""}`;
      }),
    },
    {
      name: "refusals_of_entry.csv",
      content: lines(
        "refusal_id,person_id,refused_on,region",
        persons / 4,
        (i) => `${tag}x${i},${person()},${date(2019, 2025)},${pick(regions)}`,
      ),
    },
  ];
  if (!withPersons) return result;
  const persons_ = lines("person_id,citizenship,stateless,sex,birth_date", persons, (i) => {
    const citizenship = pick(["SY", "AF", "RU", ""]);
    return `p${i},${citizenship},${citizenship === "" ? pick(["yes", "no"]) : "no"},${pick(["F", "M", ""])},${random() < 0.1 ? "" : date(1950, 2015)}`;
  });
  return [{ name: "persons.csv", content: persons_ }, ...result];
}

const at = new Date("2026-03-01T10:00:00Z");

describe("karvan import's change to the cubes", () => {
  it("stores each record as converted and moves the cubes as a rebuild from all records computes them", async () => {
    const first = files("A", 7, 120, true);
    // The second import's lines refer to the persons of the first, so persons.csv comes again.
    const second = [first[0] as ImportFile, ...files("B", 11, 120, false)];
    for (const import_ of [first, second]) {
      const result = await importFiles(database.db, import_, { importedBy: "test", at });
      expect(result.imported, JSON.stringify(result.imported ? null : result.errors.slice(0, 3))).toBe(true);
      if (result.imported) expect(result.report.cells).toBeGreaterThan(0);
    }

    // The records stored are exactly the ones the files convert to.
    const stored = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select record_id, kind, person_key, citizenship, sex, birth_date::text as birth_date, case_type,
            date::text as date, end_date::text as end_date, outcome, instance, reason, region, withdrawn,
            unaccompanied, lodged_on::text as lodged_on, order_record_id
          from stat_records where source = 'import' order by record_id`,
    );
    const converted = [
      ...(await parseImportFiles(first, { today: "2026-03-01" })).records,
      ...(await parseImportFiles(second, { today: "2026-03-01" })).records,
    ]
      .map((r) => ({
        record_id: r.recordId,
        kind: r.kind,
        person_key: r.person.personKey,
        citizenship: r.person.citizenship,
        sex: r.person.sex,
        birth_date: r.person.birthDate,
        case_type: r.caseType,
        date: r.date,
        end_date: r.endDate,
        outcome: r.outcome,
        instance: r.instance,
        reason: r.reason,
        region: r.region,
        withdrawn: r.withdrawn,
        unaccompanied: r.unaccompanied,
        lodged_on: r.lodgedOn ?? null,
        order_record_id: r.orderRecordId ?? null,
      }))
      .sort((a, b) => (a.record_id < b.record_id ? -1 : 1));
    expect(stored.length).toBeGreaterThan(600);
    expect(stored).toEqual(converted);

    // The cubes moved import by import equal the cubes computed from every record at once.
    const incremental = await cubeSnapshot(database.db);
    await rebuildStatistics(statisticsContextOf(database));
    expect(await cubeSnapshot(database.db)).toBe(incremental);
  }, 60_000);
});
