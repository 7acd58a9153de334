import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { restoreCsvText } from "../../../../platform/csv/index.js";
import type { StatisticalRecord } from "../../../statistics/index.js";
import { buildExtract } from "./build-extract.js";
import { extractVariables, quasiIdentifiers } from "./extract-variables.js";

const day = fc
  .record({
    year: fc.integer({ min: 2020, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(
    ({ year, month, day: d }) => `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );

const birthDate = fc.option(
  fc.integer({ min: 1940, max: 2019 }).map((year) => `${year}-06-15`),
  { nil: null },
);

const record: fc.Arbitrary<StatisticalRecord> = fc
  .record({
    person: fc.integer({ min: 1, max: 40 }),
    kind: fc.constantFrom("application", "decision", "permit"),
    citizenship: fc.constantFrom("AF", "SY", "IR", "RU", "GE"),
    sex: fc.constantFrom("F", "M", "UNK"),
    birthDate,
    date: day,
    region: fc.option(fc.constantFrom("AZ-BA", "AZ-GA", "AZ-SR"), { nil: null }),
    withdrawn: fc.boolean(),
  })
  .map((drawn) => ({
    recordId: `import:test:${drawn.person}:${drawn.date}:${drawn.kind}`,
    source: "import",
    kind: drawn.kind,
    person: {
      personKey: `import:${drawn.person}`,
      citizenship: drawn.citizenship,
      sex: drawn.sex,
      birthDate: drawn.birthDate,
    },
    caseType: "asylum",
    date: drawn.date,
    endDate: null,
    outcome: drawn.kind === "decision" ? "REJECTED" : null,
    instance: drawn.kind === "decision" ? "first" : null,
    reason: null,
    region: drawn.region,
    withdrawn: drawn.withdrawn,
    unaccompanied: false,
  }));

function parse(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(",").map(restoreCsvText));
}

describe("research extracts", () => {
  it("release no combination of quasi-identifiers fewer than k times", () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 200 }),
        fc.integer({ min: 2, max: 12 }),
        fc.subarray([...extractVariables], { minLength: 1 }),
        (records, k, variables) => {
          const extract = buildExtract(records, variables, k);
          const [header, ...rows] = parse(extract.csv);
          const quasiColumns = (header ?? []).flatMap((name, index) =>
            (quasiIdentifiers as readonly string[]).includes(name) ? [index] : [],
          );
          const counts = new Map<string, number>();
          for (const row of rows) {
            const key = quasiColumns.map((index) => row[index]).join("\u0000");
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(k);
          expect(extract.rowsReleased + extract.rowsSuppressed).toBe(records.length);
          expect(rows).toHaveLength(extract.rowsReleased);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("give two requests no pseudonym in common, while one extract keeps a person's records together", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), (records) => {
        const first = parse(buildExtract(records, ["kind"], 2).csv).slice(1);
        const second = parse(buildExtract(records, ["kind"], 2).csv).slice(1);
        const firstIds = new Set(first.map((row) => row[0]));
        for (const row of second) expect(firstIds.has(row[0])).toBe(false);
        const persons = new Set(records.map((one) => one.person.personKey));
        expect(firstIds.size).toBe(first.length === 0 ? 0 : persons.size);
      }),
      { numRuns: 60 },
    );
  });
});
