import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { type CubeCell, cellKey, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { personContributions } from "../cubes/person-contributions.js";
import type { ImportFile } from "../import/import-source.js";
import { parseImportFiles } from "../import/parse-import-files.js";
import { mistakeArbitrary, withMistakes } from "../import/test-support/random-import.js";
import { DuplicateImportError, importFiles } from "./import-records.js";
import { replaceRecords } from "./replace-records.js";
import type { StatisticalRecord } from "./statistical-record.js";

/**
 * `karvan import` copies its records in (COPY) and moves the cubes by what a person-ordered pass
 * over the stored records computes. Whatever the files, the result must be what the plain path
 * gives: the records `parseImportFiles` converts the files to, and cubes equal to every person's
 * contribution computed from those records directly.
 */

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

const today = "2026-03-01";
const at = new Date(`${today}T10:00:00Z`);

/** Identifier endings that COPY's text format must carry unchanged (`\N` is its null). */
const awkward = ["", "\\", "\\N", "é", 'x"y', "a,b", " \\t"];

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csv(header: string, rows: string[][]): string {
  return [header, ...rows.map((row) => row.map(csvField).join(","))].join("\n");
}

function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const day = fc.integer({ min: 0, max: 4000 }).map((days) => dayAfter("2014-01-01", days));
const region = fc.constantFrom("AZ-BA", "AZ-GA", "");
const suffix = fc.constantFrom(...awkward);

const importArbitrary = fc.record({
  persons: fc.array(
    fc.record({
      suffix,
      citizenship: fc.constantFrom("SY", "AF", "RU", ""),
      stateless: fc.boolean(),
      sex: fc.constantFrom("F", "M", "UNK", ""),
      birth: fc.option(fc.integer({ min: 0, max: 25_000 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  applications: fc.array(
    fc.record({
      person: fc.nat(),
      asylum: fc.boolean(),
      lodged: day,
      closedAfter: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      withdrawn: fc.boolean(),
      unaccompanied: fc.boolean(),
      region,
    }),
    { maxLength: 8 },
  ),
  decisions: fc.array(
    fc.record({
      application: fc.nat(),
      final: fc.boolean(),
      after: fc.integer({ min: 0, max: 400 }),
      outcome: fc.nat(),
    }),
    { maxLength: 8 },
  ),
  permits: fc.array(
    fc.record({
      person: fc.nat(),
      reason: fc.constantFrom("FAM", "EDUC", "OCC", "OTH"),
      from: day,
      days: fc.constantFrom(30, 89, 120, 200, 365, 800),
      region,
    }),
    { maxLength: 6 },
  ),
  detentions: fc.array(
    fc.record({
      person: fc.nat(),
      from: day,
      days: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      region,
    }),
    { maxLength: 4 },
  ),
  orders: fc.array(fc.record({ person: fc.nat(), issued: day, region }), { maxLength: 4 }),
  returns: fc.array(
    fc.record({ order: fc.nat(), after: fc.integer({ min: 0, max: 90 }), followsOrder: fc.boolean() }),
    { maxLength: 4 },
  ),
  refusals: fc.array(fc.record({ person: fc.nat(), on: day, region }), { maxLength: 3 }),
});

/** Small batches, so that duplicates and references cross from batch to batch (through the database). */
const linesPerBatch = fc.integer({ min: 1, max: 6 });

/** Records of cases on persons of the first import, there before it: the import must count them too. */
const caseRecordsArbitrary = fc.array(
  fc.record({
    person: fc.nat(),
    kind: fc.constantFrom("application", "registration", "permit"),
    on: day,
    days: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
    region,
  }),
  { maxLength: 4 },
);

function caseRecordsOf(
  cases: typeof caseRecordsArbitrary extends fc.Arbitrary<infer T> ? T : never,
  input: ImportInput,
): StatisticalRecord[] {
  if (input.persons.length === 0) return [];
  return cases.map((item, index) => {
    const person = input.persons[item.person % input.persons.length] as ImportInput["persons"][number];
    const end = item.days === null ? null : dayAfter(item.on, item.days);
    return {
      recordId: `case:00000000-0000-4000-8000-${String(index).padStart(12, "0")}:${item.kind}`,
      source: "case",
      kind: item.kind,
      person: {
        personKey: `import:p${item.person % input.persons.length}${person.suffix}`,
        citizenship: person.citizenship === "" ? "UNK" : person.citizenship,
        sex: person.sex === "" ? "UNK" : person.sex,
        birthDate: person.birth === null ? null : dayAfter("1940-01-01", person.birth),
      },
      caseType: item.kind === "permit" ? "temporary-residence-permit" : "asylum",
      date: item.on,
      endDate: item.kind === "registration" ? null : end,
      outcome: null,
      instance: null,
      reason: item.kind === "permit" ? "FAM" : null,
      region: item.region === "" ? null : item.region,
      withdrawn: false,
      unaccompanied: false,
      lodgedOn: null,
      orderRecordId: null,
    };
  });
}

type ImportInput = typeof importArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Files that pass every check: references resolve, dates are in order, minors are minors. */
function filesOf(input: ImportInput, tag: string, people = input.persons): ImportFile[] {
  const persons = people.map((person, index) => ({
    id: `p${index}${person.suffix}`,
    ...person,
    birthDate: person.birth === null ? "" : dayAfter("1940-01-01", person.birth),
  }));
  const personOf = (index: number) => persons[index % persons.length] as (typeof persons)[number];
  const applications = input.applications.map((application, index) => {
    const person = personOf(application.person);
    // Not before the person was born.
    const lodged = [person.birthDate, application.lodged].sort()[1] as string;
    const closed = application.closedAfter === null ? "" : dayAfter(lodged, application.closedAfter);
    const adultOn = person.birthDate === "" ? null : dayAfter(person.birthDate, 18 * 365);
    const minor = adultOn === null || lodged < adultOn;
    return {
      id: `${tag}a${index}${person.suffix}`,
      person,
      asylum: application.asylum,
      lodged,
      closed: closed > today ? "" : closed,
      withdrawn: application.withdrawn && closed !== "" && closed <= today,
      unaccompanied: application.unaccompanied && application.asylum && minor,
      region: application.region,
    };
  });
  const orders = input.orders.map((order, index) => ({
    id: `${tag}o${index}`,
    person: personOf(order.person),
    issued: order.issued,
    region: order.region,
  }));
  const files: ImportFile[] = [
    {
      name: "persons.csv",
      content: csv(
        "person_id,citizenship,stateless,sex,birth_date",
        persons.map((p) => [
          p.id,
          p.citizenship,
          p.citizenship === "" && p.stateless ? "yes" : "no",
          p.sex,
          p.birthDate,
        ]),
      ),
    },
    {
      name: "applications.csv",
      content: csv(
        "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
        applications.map((a) => [
          a.id,
          a.person.id,
          a.asylum ? "asylum" : "temporary-residence-permit",
          a.lodged,
          a.closed,
          a.withdrawn ? "yes" : "no",
          a.unaccompanied ? "yes" : "no",
          a.region,
        ]),
      ),
    },
    {
      name: "permits.csv",
      content: csv(
        "permit_id,person_id,case_type,reason,valid_from,valid_to,region",
        input.permits.map((permit, index) => [
          `${tag}m${index}`,
          personOf(permit.person).id,
          "temporary-residence-permit",
          permit.reason,
          permit.from,
          dayAfter(permit.from, permit.days),
          permit.region,
        ]),
      ),
    },
    {
      name: "detentions.csv",
      content: csv(
        "detention_id,person_id,started_on,ended_on,region",
        input.detentions.map((detention, index) => {
          const ended = detention.days === null ? "" : dayAfter(detention.from, detention.days);
          return [
            `${tag}t${index}`,
            personOf(detention.person).id,
            detention.from,
            ended > today ? "" : ended,
            detention.region,
          ];
        }),
      ),
    },
    {
      name: "orders_to_leave.csv",
      content: csv(
        "order_id,person_id,issued_on,region",
        orders.map((o) => [o.id, o.person.id, o.issued, o.region]),
      ),
    },
    {
      name: "refusals_of_entry.csv",
      content: csv(
        "refusal_id,person_id,refused_on,region",
        input.refusals.map((refusal, index) => [
          `${tag}x${index}\\`,
          personOf(refusal.person).id,
          refusal.on,
          refusal.region,
        ]),
      ),
    },
  ];
  if (applications.length > 0) {
    files.push({
      name: "decisions.csv",
      content: csv(
        "decision_id,application_id,instance,decided_on,outcome",
        input.decisions.map((decision, index) => {
          const application = applications[
            decision.application % applications.length
          ] as (typeof applications)[number];
          const outcomes = application.asylum
            ? ["GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"]
            : ["GRANTED", "REFUSED", "CLOSED"];
          const decided = dayAfter(application.lodged, decision.after);
          return [
            `${tag}d${index}`,
            application.id,
            decision.final ? "final" : "first",
            decided > today ? application.lodged : decided,
            outcomes[decision.outcome % outcomes.length] as string,
          ];
        }),
      ),
    });
  }
  if (orders.length > 0) {
    files.push({
      name: "returns.csv",
      content: csv(
        "return_id,person_id,returned_on,order_id",
        input.returns.map((ret, index) => {
          const order = orders[ret.order % orders.length] as (typeof orders)[number];
          const returned = dayAfter(order.issued, ret.after);
          return [
            `${tag}r${index}`,
            order.person.id,
            returned > today ? order.issued : returned,
            ret.followsOrder ? order.id : "",
          ];
        }),
      ),
    });
  }
  return files;
}

interface RecordRow {
  record_id: string;
  kind: string;
  person_key: string;
  citizenship: string;
  sex: string;
  birth_date: string | null;
  case_type: string;
  date: string;
  end_date: string | null;
  outcome: string | null;
  instance: string | null;
  reason: string | null;
  region: string | null;
  withdrawn: boolean;
  unaccompanied: boolean;
  lodged_on: string | null;
  order_record_id: string | null;
}

function rowOf(r: StatisticalRecord): RecordRow {
  return {
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
  };
}

const byRecordId = (a: RecordRow, b: RecordRow) => (a.record_id < b.record_id ? -1 : 1);

async function storedRecords(): Promise<RecordRow[]> {
  const rows = await queryRows<RecordRow>(
    database.db,
    sql`select record_id, kind, person_key, citizenship, sex, birth_date::text as birth_date, case_type,
          date::text as date, end_date::text as end_date, outcome, instance, reason, region, withdrawn,
          unaccompanied, lodged_on::text as lodged_on, order_record_id
        from stat_records`,
  );
  return rows.sort(byRecordId);
}

async function storedCells(): Promise<CubeCell[]> {
  const rows = await queryRows<CubeCell>(
    database.db,
    sql`select table_code as "tableCode", period, citizen, sex, age, d1, d2, d3, n::float8 as n,
          total::float8 as total
        from stat_cube`,
  );
  return rows.sort((a, b) => (cellKey(a) < cellKey(b) ? -1 : 1));
}

/** Every person's contribution from all their records at once, summed: the cubes by definition. */
function cellsComputedFrom(records: readonly StatisticalRecord[]): CubeCell[] {
  const byPerson = new Map<string, StatisticalRecord[]>();
  for (const record of records) {
    const own = byPerson.get(record.person.personKey) ?? [];
    own.push(record);
    byPerson.set(record.person.personKey, own);
  }
  const sum = new Map<string, CubeCell>();
  for (const own of byPerson.values()) sumCells(personContributions(own), 1, sum);
  return nonZeroCells(sum).sort((a, b) => (cellKey(a) < cellKey(b) ? -1 : 1));
}

async function emptyStatistics(): Promise<void> {
  await database.db.execute(sql`delete from stat_records`);
  await database.db.execute(sql`delete from stat_cube`);
  await database.db.execute(sql`delete from stat_import_batches`);
}

describe("karvan import by COPY", () => {
  it("stores the records the plain conversion gives and moves the cubes to their direct computation", async () => {
    await fc.assert(
      fc.asyncProperty(
        importArbitrary,
        importArbitrary,
        linesPerBatch,
        caseRecordsArbitrary,
        async (first, second, lines, cases) => {
          await emptyStatistics();
          // Persons counted before by their cases, then a second import onto the same persons: their
          // earlier contributions must be taken back.
          const expected = caseRecordsOf(cases, first);
          const caseIds = expected.map((record) => record.recordId.split(":")[1] as string);
          await database.db.transaction((tx) =>
            replaceRecords(tx, {
              replaceCases: [],
              add: expected.map((record, index) => ({ ...record, caseId: caseIds[index] ?? null })),
            }),
          );
          const imports = [filesOf(first, "A"), filesOf(second, "B", first.persons)];
          for (const files of imports) {
            const parsed = await parseImportFiles(files, { today });
            expect(parsed.errors).toEqual([]);
            expected.push(...parsed.records);
            const result = await importFiles(
              database.db,
              files,
              { importedBy: "test", at },
              { linesPerBatch: lines },
            );
            expect(result.imported).toBe(true);
          }
          expect(await storedRecords()).toEqual(expected.map(rowOf).sort(byRecordId));
          expect(await storedCells()).toEqual(cellsComputedFrom(expected));
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);

  it("reports the errors the plain check reports, however the lines fall into batches", async () => {
    await emptyStatistics();
    const persons =
      "person_id,citizenship,stateless,sex,birth_date\np1,SY,no,F,2015-01-01\np2,AF,no,M,1990-01-01\np1,RU,no,F,\n";
    const applications = [
      "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
      "a1,p1,asylum,2020-01-01,,no,yes,",
      "a2,p9,asylum,2020-01-01,,no,no,",
      "a1,p2,asylum,2020-02-01,,no,no,",
      "a3,p2,asylum,2020-03-01,,no,yes,",
    ].join("\n");
    const decisions = [
      "decision_id,application_id,instance,decided_on,outcome",
      "d1,a1,first,2019-12-01,GRANTED",
      "d2,a9,first,2020-05-01,REJECTED",
      "d1,a3,first,2020-05-01,REJECTED",
    ].join("\n");
    const orders = "order_id,person_id,issued_on,region\no1,p1,2021-01-01,\n";
    const returns = "return_id,person_id,returned_on,order_id\nr1,p2,2020-12-01,o1\nr2,p1,2021-02-01,o7\n";
    const files: ImportFile[] = [
      { name: "persons.csv", content: persons },
      { name: "applications.csv", content: applications },
      { name: "decisions.csv", content: decisions },
      { name: "orders_to_leave.csv", content: orders },
      { name: "returns.csv", content: returns },
    ];
    const plain = await parseImportFiles(files, { today });
    expect(new Set(plain.errors.map((error) => error.code))).toEqual(
      new Set([
        "duplicate_id",
        "unknown_person",
        "not_a_minor",
        "outcome_mismatch",
        "before_application",
        "unknown_application",
        "person_mismatch",
        "before_order",
        "unknown_order",
      ]),
    );
    for (const lines of [1, 2, 3, 5_000]) {
      const result = await importFiles(
        database.db,
        files,
        { importedBy: "test", at },
        { linesPerBatch: lines },
      );
      expect(result.imported ? [] : result.errors).toEqual(plain.errors);
    }
    expect(await storedRecords()).toEqual([]);
  });

  it("refuses records imported before, naming one, and leaves the first import as it was", async () => {
    await emptyStatistics();
    const sample = fc.sample(importArbitrary, { numRuns: 1, seed: 42 })[0] as ImportInput;
    const files = filesOf(sample, "A");
    const first = await importFiles(database.db, files, { importedBy: "test", at });
    expect(first.imported).toBe(true);
    const records = await storedRecords();
    const cells = await storedCells();
    const refused = importFiles(database.db, files, { importedBy: "test", at });
    await expect(refused).rejects.toBeInstanceOf(DuplicateImportError);
    await expect(refused).rejects.toThrow(/record import:.+ \(and perhaps others\) was imported before/);
    expect(await storedRecords()).toEqual(records);
    expect(await storedCells()).toEqual(cells);
    // The connection the failed COPY ran on serves the next import.
    const other = fc.sample(importArbitrary, { numRuns: 1, seed: 7 })[0] as ImportInput;
    const next = await importFiles(database.db, filesOf(other, "C"), {
      importedBy: "test",
      at,
    });
    expect(next.imported).toBe(true);
  });
});

describe("karvan import by COPY of files with mistakes", () => {
  it("reports what the plain check reports for files with random mistakes, and stores nothing", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        importArbitrary,
        linesPerBatch,
        fc.array(mistakeArbitrary, { minLength: 1, maxLength: 3 }),
        async (input, lines, mistakes) => {
          await emptyStatistics();
          const files = withMistakes(filesOf(input, "A"), mistakes);
          const plain = await parseImportFiles(files, { today });
          const result = await importFiles(
            database.db,
            files,
            { importedBy: "test", at },
            { linesPerBatch: lines },
          );
          expect(result.imported ? [] : result.errors).toEqual(plain.errors);
          if (!result.imported) {
            refused += 1;
            expect(await storedRecords()).toEqual([]);
          }
        },
      ),
      { numRuns: 15 },
    );
    // Some mistakes make valid lines (an empty line, a field dropped from an optional column), so
    // only some runs are refused; the property must have met refused runs to mean anything.
    expect(refused).toBeGreaterThan(0);
  }, 180_000);
});
