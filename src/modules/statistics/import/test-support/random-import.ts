import fc from "fast-check";
import type { ImportFile } from "../import-source.js";

/** The latest date the random files' events may have. */
export const randomImportToday = "2026-03-01";

/** Identifier endings that CSV and COPY text must carry unchanged. */
const endings = ["", "\\", "\\N", "é", 'x"y', "a,b", " \\t"];

function field(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csv(header: string, rows: readonly (readonly string[])[]): string {
  return [header, ...rows.map((row) => row.map(field).join(","))].join("\n");
}

function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const day = fc.integer({ min: 0, max: 4_000 }).map((days) => dayAfter("2014-01-01", days));
const region = fc.constantFrom("AZ-BA", "AZ-GA", "");
const line = <T>(value: fc.Arbitrary<T>, maxLength: number) => fc.array(value, { maxLength });

const linesArbitrary = fc.record({
  persons: fc.array(
    fc.record({
      ending: fc.constantFrom(...endings),
      citizenship: fc.constantFrom("SY", "AF", "RU", ""),
      sex: fc.constantFrom("F", "M", "UNK", ""),
      birth: fc.option(day, { nil: null }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  applications: line(
    fc.record({ person: fc.nat(), asylum: fc.boolean(), lodged: day, closedAfter: fc.option(fc.nat(400)) }),
    12,
  ),
  decisions: line(fc.record({ application: fc.nat(), after: fc.nat(300), outcome: fc.nat() }), 10),
  permits: line(fc.record({ person: fc.nat(), from: day, region }), 8),
  orders: line(fc.record({ person: fc.nat(), issued: day, region }), 6),
  returns: line(fc.record({ order: fc.nat(), after: fc.nat(60) }), 6),
  refusals: line(fc.record({ person: fc.nat(), on: day, region }), 6),
});

type Lines = typeof linesArbitrary extends fc.Arbitrary<infer T> ? T : never;

const asylumOutcomes = ["GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"];
const otherOutcomes = ["GRANTED", "REFUSED", "CLOSED"];

/** Decisions on the applications, with outcomes of the application's kind. */
function decisionsFile(
  lines: Lines,
  applications: readonly { id: string; asylum: boolean; lodged: string }[],
): ImportFile {
  return {
    name: "decisions.csv",
    content: csv(
      "decision_id,application_id,instance,decided_on,outcome",
      lines.decisions.map((decision, i) => {
        const application = applications[
          decision.application % applications.length
        ] as (typeof applications)[0];
        const outcomes = application.asylum ? asylumOutcomes : otherOutcomes;
        return [
          `d${i}`,
          application.id,
          i % 2 === 0 ? "first" : "final",
          dayAfter(application.lodged, decision.after),
          outcomes[decision.outcome % outcomes.length] as string,
        ];
      }),
    ),
  };
}

/** Returns after the orders to leave they follow, of the order's person. */
function returnsFile(
  lines: Lines,
  orders: readonly { id: string; personId: string; issued: string }[],
): ImportFile {
  return {
    name: "returns.csv",
    content: csv(
      "return_id,person_id,returned_on,order_id",
      lines.returns.map((r, i) => {
        const order = orders[r.order % orders.length] as (typeof orders)[0];
        return [`r${i}`, order.personId, dayAfter(order.issued, r.after), order.id];
      }),
    ),
  };
}

function filesOf(lines: Lines): ImportFile[] {
  const persons = lines.persons.map((person, i) => `p${i}${person.ending}`);
  const personAt = (n: number) => persons[n % persons.length] as string;
  const applications = lines.applications.map((application, i) => ({
    ...application,
    id: `a${i}${endings[i % endings.length]}`,
  }));
  const orders = lines.orders.map((order, i) => ({
    ...order,
    id: `o${i}`,
    personId: personAt(order.person),
  }));
  const files: ImportFile[] = [
    {
      name: "persons.csv",
      content: csv(
        "person_id,citizenship,stateless,sex,birth_date",
        lines.persons.map((person, i) => [
          persons[i] as string,
          person.citizenship,
          person.citizenship === "" ? "yes" : "no",
          person.sex,
          person.birth ?? "",
        ]),
      ),
    },
    {
      name: "applications.csv",
      content: csv(
        "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,region",
        applications.map((a) => [
          a.id,
          personAt(a.person),
          a.asylum ? "asylum" : "work-permit",
          a.lodged,
          a.closedAfter === null ? "" : dayAfter(a.lodged, a.closedAfter),
          "no",
          "",
        ]),
      ),
    },
  ];
  if (applications.length > 0) files.push(decisionsFile(lines, applications));
  files.push(
    {
      name: "permits.csv",
      content: csv(
        "permit_id,person_id,case_type,reason,valid_from,valid_to,region",
        lines.permits.map((p, i) => [
          `m${i}`,
          personAt(p.person),
          "work-permit",
          "OCC",
          p.from,
          dayAfter(p.from, 365),
          p.region,
        ]),
      ),
    },
    {
      name: "orders_to_leave.csv",
      content: csv(
        "order_id,person_id,issued_on,region",
        orders.map((o) => [o.id, o.personId, o.issued, o.region]),
      ),
    },
    {
      name: "refusals_of_entry.csv",
      content: csv(
        "refusal_id,person_id,refused_on,region",
        lines.refusals.map((r, i) => [`x${i}`, personAt(r.person), r.on, r.region]),
      ),
    },
  );
  if (orders.length > 0) files.push(returnsFile(lines, orders));
  return files;
}

/** A mistake an export may hold: which file and line (taken modulo their counts), and what is wrong. */
export const mistakeArbitrary = fc.record({
  file: fc.nat(),
  line: fc.nat(),
  kind: fc.constantFrom(
    "repeat the line before",
    "cut in half",
    "empty",
    "prefix the id",
    "drop a field",
    "bad date",
  ),
});

type Mistake = typeof mistakeArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The files with the mistakes made in them (a file without lines is left as it is). */
export function withMistakes(files: ImportFile[], mistakes: readonly Mistake[]): ImportFile[] {
  const changed = files.map((file) => ({ name: file.name, content: "content" in file ? file.content : "" }));
  for (const { file, line, kind } of mistakes) {
    const wrong = changed[file % changed.length] as { name: string; content: string };
    const rows = wrong.content.split("\n");
    if (rows.length < 2) continue;
    const at = 1 + (line % (rows.length - 1));
    const row = rows[at] as string;
    rows[at] =
      kind === "repeat the line before"
        ? (rows[Math.max(1, at - 1)] as string)
        : kind === "cut in half"
          ? row.slice(0, Math.floor(row.length / 2))
          : kind === "empty"
            ? ""
            : kind === "prefix the id"
              ? `x${row}`
              : kind === "bad date"
                ? row.replace(/\d{4}-\d\d-\d\d/, "2031-02-30")
                : row.split(",").slice(1).join(",");
    wrong.content = rows.join("\n");
  }
  return changed;
}

/**
 * A random export: ids with characters CSV and COPY must carry, references mostly right, and in
 * about half the cases up to four mistakes (a line repeated, cut, emptied, its id changed, a field
 * dropped, an impossible date).
 */
export const randomImportFiles: fc.Arbitrary<ImportFile[]> = fc
  .tuple(
    linesArbitrary,
    fc.oneof(fc.constant([]), fc.array(mistakeArbitrary, { minLength: 1, maxLength: 4 })),
  )
  .map(([lines, mistakes]) => withMistakes(filesOf(lines), mistakes));

/** A random export with one to four of those mistakes, for a test that must see a refusal. */
export const randomBrokenImportFiles: fc.Arbitrary<ImportFile[]> = fc
  .tuple(linesArbitrary, fc.array(mistakeArbitrary, { minLength: 1, maxLength: 4 }))
  .map(([lines, mistakes]) => withMistakes(filesOf(lines), mistakes));
