import { beforeAll, describe, expect, it } from "vitest";
import type { StatisticalRecord } from "../facts/statistical-record.js";
import { MAX_IMPORT_ERRORS } from "./import-error.js";
import { type ImportFile, parseImportFiles } from "./parse-import-files.js";

const today = "2026-03-01";

function csv(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

const validFiles: Record<string, string> = {
  "persons.csv": csv(
    "person_id,citizenship,stateless,sex,birth_date",
    "P1,SY,no,M,1990-05-01",
    "P2,GR,,F,",
    "P3,,yes,,2010-01-15",
    "P4,,,,",
  ),
  "applications.csv": csv(
    "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
    "A1,P1,asylum,2024-01-10,2024-06-01,no,no,AZ-BA",
    "A2,P3,asylum,2024-02-01,2024-03-01,yes,yes,",
    "A3,P2,work-permit,2024-03-05,,,,AZ-GA",
  ),
  "decisions.csv": csv(
    "decision_id,application_id,instance,decided_on,outcome",
    "D1,A1,first,2024-06-01,SUB_PROT",
    "D2,A3,first,2024-04-01,GRANTED",
  ),
  "permits.csv": csv(
    "permit_id,person_id,case_type,reason,valid_from,valid_to,region",
    "R1,P2,work-permit,OCC,2024-04-10,2027-04-09,AZ-GA",
  ),
  "detentions.csv": csv(
    "detention_id,person_id,started_on,ended_on,region",
    "T1,P4,2025-01-01,2025-02-15,AZ-BA",
  ),
  "orders_to_leave.csv": csv("order_id,person_id,issued_on,region", "O1,P4,2025-02-15,"),
  "returns.csv": csv("return_id,person_id,order_id,returned_on", "X1,P4,O1,2025-03-01", "X2,P1,,2025-04-01"),
  "refusals_of_entry.csv": csv("refusal_id,person_id,refused_on,region", "E1,P4,2023-11-11,AZ-NX"),
  "illegal_presence.csv": csv("finding_id,person_id,found_on,region", "F1,P4,2024-12-30,"),
  "violation_decisions.csv": csv("decision_id,person_id,decided_on,region", "V1,P4,2025-01-05,AZ-BA"),
};

function files(overrides: Record<string, string | null> = {}): ImportFile[] {
  const all: Record<string, string | null> = { ...validFiles, ...overrides };
  return Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, content]) => ({ name, content }));
}

function codes(result: Awaited<ReturnType<typeof parseImportFiles>>) {
  return result.errors.map(({ file, line, field, code }) => ({ file, line, field, code }));
}

const none = {
  source: "import",
  endDate: null,
  outcome: null,
  instance: null,
  reason: null,
  region: null,
  withdrawn: false,
  unaccompanied: false,
} as const;

describe("parseImportFiles with a complete valid import", () => {
  let result: Awaited<ReturnType<typeof parseImportFiles>>;
  let byId: Map<string, StatisticalRecord>;
  beforeAll(async () => {
    result = await parseImportFiles(files(), { today });
    byId = new Map(result.records.map((record) => [record.recordId, record]));
  });

  it("has no errors, one record per data line except persons, and counts every file", async () => {
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(13);
    expect(result.counts).toEqual({
      "persons.csv": 4,
      "applications.csv": 3,
      "decisions.csv": 2,
      "permits.csv": 1,
      "detentions.csv": 1,
      "orders_to_leave.csv": 1,
      "returns.csv": 2,
      "refusals_of_entry.csv": 1,
      "illegal_presence.csv": 1,
      "violation_decisions.csv": 1,
    });
  });

  it("maps an application with its person", async () => {
    expect(byId.get("import:applications:A1")).toEqual<StatisticalRecord>({
      ...none,
      recordId: "import:applications:A1",
      kind: "application",
      person: { personKey: "import:P1", citizenship: "SY", sex: "M", birthDate: "1990-05-01" },
      caseType: "asylum",
      date: "2024-01-10",
      endDate: "2024-06-01",
      region: "AZ-BA",
      withdrawal: null,
    });
    expect(byId.get("import:applications:A2")).toMatchObject({
      person: { personKey: "import:P3", citizenship: "STLS", sex: "UNK", birthDate: "2010-01-15" },
      withdrawn: true,
      unaccompanied: true,
      region: null,
    });
  });

  it("maps a decision with the person, case type and region of its application", async () => {
    expect(byId.get("import:decisions:D2")).toEqual<StatisticalRecord>({
      ...none,
      recordId: "import:decisions:D2",
      kind: "decision",
      person: { personKey: "import:P2", citizenship: "EL", sex: "F", birthDate: null },
      caseType: "work-permit",
      date: "2024-04-01",
      outcome: "GRANTED",
      instance: "first",
      region: "AZ-GA",
      lodgedOn: "2024-03-05",
    });
  });

  it("maps a permit", async () => {
    expect(byId.get("import:permits:R1")).toEqual<StatisticalRecord>({
      ...none,
      recordId: "import:permits:R1",
      kind: "permit",
      person: { personKey: "import:P2", citizenship: "EL", sex: "F", birthDate: null },
      caseType: "work-permit",
      date: "2024-04-10",
      endDate: "2027-04-09",
      reason: "OCC",
      region: "AZ-GA",
      issue: null,
    });
  });

  it("maps the events of the return and border procedures", async () => {
    const p4 = { personKey: "import:P4", citizenship: "UNK", sex: "UNK", birthDate: null } as const;
    expect(byId.get("import:detentions:T1")).toEqual<StatisticalRecord>({
      ...none,
      recordId: "import:detentions:T1",
      kind: "detention",
      person: p4,
      caseType: "detention",
      date: "2025-01-01",
      endDate: "2025-02-15",
      region: "AZ-BA",
    });
    expect(byId.get("import:returns:X1")).toEqual<StatisticalRecord>({
      ...none,
      recordId: "import:returns:X1",
      kind: "return",
      person: p4,
      caseType: "return",
      date: "2025-03-01",
      orderRecordId: "import:orders_to_leave:O1",
      returnType: null,
      assisted: null,
      assistanceOffered: null,
      destination: null,
    });
    const kinds = result.records.map((r) => [r.recordId, r.kind, r.caseType]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ["import:orders_to_leave:O1", "order_to_leave", "return"],
        ["import:refusals_of_entry:E1", "refused_entry", "border"],
        ["import:illegal_presence:F1", "illegal_presence", "border"],
        ["import:violation_decisions:V1", "violation_decision", "violation"],
      ]),
    );
  });

  it("accepts a subset of the files", async () => {
    const subset = await parseImportFiles(
      [
        { name: "persons.csv", content: validFiles["persons.csv"] ?? "" },
        { name: "refusals_of_entry.csv", content: validFiles["refusals_of_entry.csv"] ?? "" },
      ],
      { today },
    );
    expect(subset.errors).toEqual([]);
    expect(subset.records.map((r) => r.recordId)).toEqual(["import:refusals_of_entry:E1"]);
  });
});

describe("the columns of Regulation (EU) 2020/851's breakdowns", () => {
  it("map a withdrawal's type, an appeal with its own dates, a permit's issue and sub-reason, and a return's breakdowns", async () => {
    const result = await parseImportFiles(
      files({
        "applications.csv": csv(
          "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,withdrawal_type,appeal_lodged_on,appeal_closed_on",
          "A1,P1,asylum,2024-01-10,2024-06-01,yes,implicit,2024-06-20,2024-09-01",
          "A2,P3,asylum,2024-02-01,2024-03-01,yes,explicit,,",
        ),
        "decisions.csv": null,
        "permits.csv": csv(
          "permit_id,person_id,case_type,reason,valid_from,valid_to,issue_type",
          "R1,P2,work-permit,OCC_RES,2024-04-10,2027-04-09,change",
        ),
        "returns.csv": csv(
          "return_id,person_id,order_id,returned_on,return_type,assisted,assistance_offered,destination",
          "X1,P4,O1,2025-03-01,voluntary,yes,yes,transit",
          // Offered, not taken up: not an assisted return, the offer kept beside it.
          "X2,P1,,2025-04-01,voluntary,no,yes,origin",
        ),
      }),
      { today },
    );
    expect(result.errors).toEqual([]);
    const byId = new Map(result.records.map((record) => [record.recordId, record]));
    // Appealed: the first instance ended with its decision, the appeal was withdrawn.
    expect(byId.get("import:applications:A1")).toMatchObject({
      kind: "application",
      endDate: "2024-06-01",
      withdrawn: false,
      withdrawal: null,
    });
    expect(byId.get("import:applications:A1:appeal")).toMatchObject({
      kind: "appeal",
      caseType: "asylum",
      date: "2024-06-20",
      endDate: "2024-09-01",
      withdrawn: true,
      withdrawal: "implicit",
    });
    expect(byId.get("import:applications:A2")).toMatchObject({ withdrawn: true, withdrawal: "explicit" });
    expect(byId.get("import:permits:R1")).toMatchObject({ reason: "OCC_RES", issue: "change" });
    expect(byId.get("import:returns:X1")).toMatchObject({
      returnType: "voluntary",
      assisted: true,
      assistanceOffered: true,
      destination: "transit",
    });
    expect(byId.get("import:returns:X2")).toMatchObject({ assisted: false, assistanceOffered: true });
  });

  it("report values that are unknown or contradict the line", async () => {
    const result = await parseImportFiles(
      files({
        "applications.csv": csv(
          "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,withdrawal_type,appeal_lodged_on,appeal_closed_on",
          "A1,P1,asylum,2024-01-10,2024-06-01,no,implicit,,",
          "A2,P1,asylum,2024-01-10,2024-06-01,yes,Explicit,,",
          "A3,P1,asylum,2024-01-10,,,,2024-06-20,",
          "A4,P1,asylum,2024-01-10,2024-06-01,,,2024-05-20,2024-05-01",
          "A5,P1,asylum,2024-01-10,2024-06-01,,,,2024-09-01",
          "A6,P1,asylum,2024-01-10,2024-06-01,yes,,2024-06-20,",
        ),
        "decisions.csv": null,
        "permits.csv": csv(
          "permit_id,person_id,case_type,reason,valid_from,valid_to,issue_type",
          "R1,P2,work-permit,OCC_PILOT,2024-04-10,2027-04-09,extension",
        ),
        "returns.csv": csv(
          "return_id,person_id,order_id,returned_on,return_type,assisted,assistance_offered,destination",
          "X1,P4,O1,2025-03-01,deported,maybe,perhaps,home",
          "X2,P1,,2025-04-01,voluntary,yes,no,origin",
        ),
      }),
      { today },
    );
    expect(result.records).toEqual([]);
    expect(codes(result)).toEqual([
      { file: "applications.csv", line: 2, field: "withdrawal_type", code: "not_applicable" },
      { file: "applications.csv", line: 3, field: "withdrawal_type", code: "unknown_value" },
      { file: "applications.csv", line: 4, field: "closed_on", code: "required" },
      { file: "applications.csv", line: 5, field: "appeal_lodged_on", code: "end_before_start" },
      { file: "applications.csv", line: 5, field: "appeal_closed_on", code: "end_before_start" },
      { file: "applications.csv", line: 6, field: "appeal_lodged_on", code: "required" },
      { file: "applications.csv", line: 7, field: "appeal_closed_on", code: "required" },
      { file: "permits.csv", line: 2, field: "reason", code: "unknown_value" },
      { file: "permits.csv", line: 2, field: "issue_type", code: "unknown_value" },
      { file: "returns.csv", line: 2, field: "return_type", code: "unknown_value" },
      { file: "returns.csv", line: 2, field: "assisted", code: "unknown_value" },
      { file: "returns.csv", line: 2, field: "assistance_offered", code: "unknown_value" },
      { file: "returns.csv", line: 2, field: "destination", code: "unknown_value" },
      { file: "returns.csv", line: 3, field: "assistance_offered", code: "not_offered" },
    ]);
    expect(result.errors[1]?.message).toMatch(/Codes are case-sensitive: write explicit/);
  });
});

describe("parseImportFiles with errors", () => {
  it("reports a bad value by file, line and column, and gives no records", async () => {
    const result = await parseImportFiles(
      files({
        "detentions.csv": csv(
          "detention_id,person_id,started_on,ended_on,region",
          "T1,P4,2025-01-01,2025-02-15,AZ-BA",
          "T2,P4,2025-02-30,,",
        ),
      }),
      { today },
    );
    expect(result.records).toEqual([]);
    expect(codes(result)).toEqual([
      { file: "detentions.csv", line: 3, field: "started_on", code: "invalid_date" },
    ]);
    expect(result.errors[0]?.message).toMatch(/YYYY-MM-DD.*"2025-02-30"/);
  });

  it("reports every error of every file", async () => {
    const result = await parseImportFiles(
      files({
        "persons.csv": csv(
          "person_id,citizenship,stateless,sex,birth_date",
          "P1,SY,no,X,1990-05-01",
          "P2,GR,,F,",
          "P3,TR,yes,,2010-01-15",
          "P4,EL,,,2027-01-01",
        ),
        "applications.csv": csv(
          "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
          "A1,P1,asylum,2024-01-10,2023-06-01,no,no,Baku",
          "A2,P3,Asylum,2024-02-01,,yes,maybe,",
          "A3,P2,work-permit,2024-03-05,,,,",
          "A4,P2,work-permit,2024-03-05,,,yes,",
        ),
        "decisions.csv": csv(
          "decision_id,application_id,instance,decided_on,outcome",
          "D1,A1,appeal,2024-06-01,SUB_PROT",
          "D2,A3,first,2024-03-01,REJECTED",
          "D3,A9,first,,GRANTED",
        ),
        "permits.csv": csv(
          "permit_id,person_id,case_type,reason,valid_from,valid_to,region",
          "R1,P2,work-permit,WORK,2024-04-10,2024-04-09,",
        ),
        "returns.csv": csv(
          "return_id,person_id,order_id,returned_on",
          "X1,P1,O1,2025-01-01",
          "X2,P1,O2,2026-03-02",
        ),
      }),
      { today },
    );
    expect(result.records).toEqual([]);
    expect(codes(result)).toEqual([
      { file: "persons.csv", line: 2, field: "sex", code: "unknown_value" },
      { file: "persons.csv", line: 4, field: "citizenship", code: "stateless_with_citizenship" },
      { file: "persons.csv", line: 5, field: "birth_date", code: "date_in_future" },
      { file: "persons.csv", line: 5, field: "citizenship", code: "invalid_value" },
      { file: "applications.csv", line: 2, field: "region", code: "invalid_value" },
      { file: "applications.csv", line: 2, field: "closed_on", code: "end_before_start" },
      { file: "applications.csv", line: 3, field: "case_type", code: "invalid_value" },
      { file: "applications.csv", line: 3, field: "unaccompanied_minor", code: "unknown_value" },
      { file: "applications.csv", line: 3, field: "closed_on", code: "required" },
      { file: "applications.csv", line: 5, field: "unaccompanied_minor", code: "not_applicable" },
      { file: "decisions.csv", line: 2, field: "instance", code: "unknown_value" },
      { file: "decisions.csv", line: 3, field: "outcome", code: "outcome_mismatch" },
      { file: "decisions.csv", line: 3, field: "decided_on", code: "before_application" },
      { file: "decisions.csv", line: 4, field: "decided_on", code: "required" },
      { file: "decisions.csv", line: 4, field: "application_id", code: "unknown_application" },
      { file: "permits.csv", line: 2, field: "reason", code: "unknown_value" },
      { file: "permits.csv", line: 2, field: "valid_to", code: "end_before_start" },
      { file: "returns.csv", line: 2, field: "order_id", code: "person_mismatch" },
      { file: "returns.csv", line: 2, field: "returned_on", code: "before_order" },
      { file: "returns.csv", line: 3, field: "returned_on", code: "date_in_future" },
      { file: "returns.csv", line: 3, field: "order_id", code: "unknown_order" },
    ]);
  });

  it("rejects an unknown column and a missing required column", async () => {
    const result = await parseImportFiles(
      files({
        "orders_to_leave.csv": csv("order_id,person_id,issued_on,region,officer", "O1,P4,2025-02-15,,Aliyev"),
        "refusals_of_entry.csv": csv("refusal_id,person_id,region", "E1,P4,AZ-NX", "E2,P4,"),
      }),
      { today },
    );
    expect(result.records).toEqual([]);
    expect(codes(result)).toEqual([
      { file: "orders_to_leave.csv", line: 1, field: "officer", code: "unknown_column" },
      // Reported once for the header, not again on every line.
      { file: "refusals_of_entry.csv", line: 1, field: "refused_on", code: "missing_column" },
    ]);
  });

  it("accepts optional columns left out of the header", async () => {
    const result = await parseImportFiles(
      [
        { name: "persons.csv", content: csv("person_id", "P1") },
        { name: "detentions.csv", content: csv("person_id,started_on,detention_id", "P1,2025-01-01,T1") },
      ],
      { today },
    );
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({
      person: { personKey: "import:P1", citizenship: "UNK", sex: "UNK", birthDate: null },
      endDate: null,
      region: null,
    });
  });

  it("rejects a reference to a person missing from persons.csv", async () => {
    const result = await parseImportFiles(
      files({ "illegal_presence.csv": csv("finding_id,person_id,found_on,region", "F1,P9,2024-12-30,") }),
      { today },
    );
    expect(codes(result)).toEqual([
      { file: "illegal_presence.csv", line: 2, field: "person_id", code: "unknown_person" },
    ]);
    expect(result.errors[0]?.message).toBe('person_id "P9" is not in persons.csv.');
    expect(result.records).toEqual([]);
  });

  it("requires persons.csv when another file refers to persons", async () => {
    const result = await parseImportFiles(files({ "persons.csv": null }), { today });
    expect(result.records).toEqual([]);
    expect(result.errors.every((e) => e.code === "missing_file" && e.line === null)).toBe(true);
    expect(result.errors.map((e) => e.file)).toContain("applications.csv");
  });

  it("rejects an id used twice in a file", async () => {
    const result = await parseImportFiles(
      files({
        "returns.csv": csv(
          "return_id,person_id,order_id,returned_on",
          "X1,P4,O1,2025-03-01",
          "X1,P1,,2025-04-01",
        ),
      }),
      { today },
    );
    expect(codes(result)).toEqual([
      { file: "returns.csv", line: 3, field: "return_id", code: "duplicate_id" },
    ]);
    expect(result.errors[0]?.message).toMatch(/already used on line 2/);
  });

  it("rejects an unknown file, malformed CSV, and a line with the wrong number of fields", async () => {
    const result = await parseImportFiles(
      files({
        "people.csv": "person_id\n",
        "detentions.csv": 'detention_id,person_id,started_on\nT1,P4,"2025-01-01\n',
        "refusals_of_entry.csv": csv("refusal_id,person_id,refused_on,region", "E1,P4,2023-11-11"),
      }),
      { today },
    );
    expect(codes(result)).toEqual([
      { file: "people.csv", line: null, field: null, code: "unknown_file" },
      { file: "detentions.csv", line: 2, field: null, code: "invalid_csv" },
      { file: "refusals_of_entry.csv", line: 2, field: null, code: "field_count" },
    ]);
  });

  it("stops listing after the cap with a final too_many_errors entry", async () => {
    const lines = Array.from({ length: MAX_IMPORT_ERRORS + 50 }, (_, i) => `P${i},xx,,,`);
    const result = await parseImportFiles(
      [{ name: "persons.csv", content: csv("person_id,citizenship,stateless,sex,birth_date", ...lines) }],
      {
        today,
      },
    );
    expect(result.errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
    expect(result.errors.at(-1)?.code).toBe("too_many_errors");
    expect(result.records).toEqual([]);
  });

  it("uses the current date when today is not given", async () => {
    const result = await parseImportFiles([
      { name: "persons.csv", content: csv("person_id,birth_date", "P1,2999-01-01") },
    ]);
    expect(codes(result)).toEqual([
      { file: "persons.csv", line: 2, field: "birth_date", code: "date_in_future" },
    ]);
  });
});

describe("parseImportFiles on the values previous systems write", () => {
  const persons = (...lines: string[]) => [
    { name: "persons.csv", content: csv("person_id,citizenship,stateless,sex,birth_date", ...lines) },
  ];

  it("takes UNK for an unknown sex, and says that codes are case-sensitive", async () => {
    const ok = await parseImportFiles(persons("P1,SY,no,UNK,1990-01-01"), { today });
    expect(ok.errors).toEqual([]);
    const bad = await parseImportFiles(persons("P1,sy,no,f,1990-01-01", "P2,SY,Yes,M,"), { today });
    expect(codes(bad)).toEqual([
      { file: "persons.csv", line: 2, field: "citizenship", code: "invalid_value" },
      { file: "persons.csv", line: 2, field: "sex", code: "unknown_value" },
      { file: "persons.csv", line: 3, field: "stateless", code: "unknown_value" },
    ]);
    expect(bad.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/case-sensitive: write SY\./),
      expect.stringMatching(
        /^sex must be one of F, M, UNK \(or empty\)\. Codes are case-sensitive: write F\./,
      ),
      expect.stringMatching(/case-sensitive: write yes\./),
    ]);
  });

  it("points a STATELESS citizenship to the stateless column", async () => {
    const bad = await parseImportFiles(persons("P1,STATELESS,no,F,"), { today });
    expect(codes(bad)).toEqual([
      { file: "persons.csv", line: 2, field: "citizenship", code: "invalid_value" },
    ]);
    expect(bad.errors[0]?.message).toMatch(/leave citizenship empty and write yes in the stateless column/);
  });

  it("refuses birth dates before 1900 or after today, and events outside their window", async () => {
    const result = await parseImportFiles(
      [
        ...persons(
          "P1,SY,no,F,0000-01-01",
          "P2,SY,no,F,1899-12-31",
          "P3,SY,no,F,2026-03-02",
          "P4,SY,no,F,1900-01-01",
        ),
        {
          name: "permits.csv",
          content: csv(
            "permit_id,person_id,case_type,reason,valid_from,valid_to",
            "R1,P4,work-permit,OCC,1949-12-31,2027-01-01",
            "R2,P4,work-permit,OCC,2024-01-01,2126-03-02",
            "R3,P4,work-permit,OCC,2024-01-01,2126-03-01",
          ),
        },
      ],
      { today },
    );
    expect(codes(result)).toEqual([
      { file: "persons.csv", line: 2, field: "birth_date", code: "date_too_early" },
      { file: "persons.csv", line: 3, field: "birth_date", code: "date_too_early" },
      { file: "persons.csv", line: 4, field: "birth_date", code: "date_in_future" },
      { file: "permits.csv", line: 2, field: "valid_from", code: "date_too_early" },
      { file: "permits.csv", line: 3, field: "valid_to", code: "date_too_late" },
    ]);
    expect(result.errors[0]?.message).toMatch(/cannot be before 1900-01-01/);
  });
});

describe("parseImportFiles reading CSV", () => {
  it("strips a byte-order mark, takes columns in any order, and reads quoted fields", async () => {
    const result = await parseImportFiles(
      [
        { name: "persons.csv", content: '\uFEFFsex,person_id,citizenship\r\nF,"P,1",GB\r\n' },
        {
          name: "violation_decisions.csv",
          content: csv('"decided_on",person_id,decision_id', '2025-01-05,"P,1","V ""7"", 2025"'),
        },
      ],
      { today },
    );
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      {
        ...none,
        recordId: 'import:violation_decisions:V "7", 2025',
        kind: "violation_decision",
        person: { personKey: "import:P,1", citizenship: "UK", sex: "F", birthDate: null },
        caseType: "violation",
        date: "2025-01-05",
      },
    ]);
  });

  it("converts GR to EL and rejects Eurostat codes given as citizenship", async () => {
    const ok = await parseImportFiles(
      [{ name: "persons.csv", content: csv("person_id,citizenship", "P1,GR") }],
      {
        today,
      },
    );
    expect(ok.errors).toEqual([]);
    const bad = await parseImportFiles(
      [{ name: "persons.csv", content: csv("person_id,citizenship", "P1,EL") }],
      {
        today,
      },
    );
    expect(codes(bad)).toEqual([
      { file: "persons.csv", line: 2, field: "citizenship", code: "invalid_value" },
    ]);
    expect(bad.errors[0]?.message).toMatch(/use GR/);
  });

  it("counts lines after a quoted field spanning lines by their physical line", async () => {
    const result = await parseImportFiles(
      [
        {
          name: "persons.csv",
          content: csv("person_id,citizenship", '"P\n1",SY', "P2,sy", "", "P3,TR"),
        },
      ],
      { today },
    );
    expect(codes(result)).toEqual([
      // An id cannot hold a line break, but the lines after it are still counted right.
      { file: "persons.csv", line: 2, field: "person_id", code: "invalid_value" },
      { file: "persons.csv", line: 4, field: "citizenship", code: "invalid_value" },
    ]);
  });
});
