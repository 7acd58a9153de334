import type { CubeTable } from "../cubes/cube-cell.js";
import { type AgeGroup, ageCodesFor } from "../eurostat/age-groups.js";

/** A dimension of an official table, read from a cube column, with the aggregates a code adds to. */
export interface TableDimension {
  id: string;
  from: "citizen" | "sex" | "age" | "d1" | "d2" | "d3";
  /** The codes a raw code counts under: itself, its aggregates, and the total. */
  expand(code: string): string[];
  total: string;
  /** False when codes overlap instead of adding up (first-time applicants are also applicants). */
  additive?: false;
  /** Codes of this dimension that add up others of it (besides Y_LT18 and TOTAL_POS everywhere). */
  aggregates?: readonly string[];
}

export type Frequency = "M" | "Q" | "A";

export interface TableDefinition {
  code: string;
  dataflow: string;
  group: "asylum" | "permits" | "enforcement" | "national";
  cube: CubeTable;
  frequency: Frequency;
  /** A stock is counted at the end of the period; a flow over its months. */
  stock: boolean;
  /** Cube cells selected (enforcement's kinds share a cube). */
  filter?: Partial<Record<"d1" | "d2" | "d3", string>>;
  dimensions: TableDimension[];
  /**
   * How the public sees it: Eurostat rounds asylum and enforcement figures to the nearest 5; the
   * other tables hide small cells (1-4) with secondary suppression. Both on a two-way table of
   * `rows` by `columns` (the other dimensions at their totals).
   */
  publicView: { rows: string; columns: string; protection: "round" | "suppress" };
}

const withTotal = (total: string) => (code: string) => (code === total ? [total] : [code, total]);

const citizen: TableDimension = {
  id: "citizen",
  from: "citizen",
  total: "TOTAL",
  expand: withTotal("TOTAL"),
};
const sex: TableDimension = { id: "sex", from: "sex", total: "T", expand: withTotal("T") };
const age: TableDimension = {
  id: "age",
  from: "age",
  total: "TOTAL",
  expand: (code) => ageCodesFor(code as AgeGroup),
};
/**
 * Unaccompanied minors' ages (Regulation (EU) 2020/851): 14-15 and 16-17 add up to 14-17, which
 * with under 14 adds up to under 18.
 */
const unaccompaniedAge: TableDimension = {
  id: "age",
  from: "age",
  total: "TOTAL",
  expand: (code) =>
    code === "Y14-15" || code === "Y16-17"
      ? [code, "Y14-17", "Y_LT18", "TOTAL"]
      : ageCodesFor(code as AgeGroup),
  aggregates: ["Y14-17"],
};

const permitReason = (from: "d1"): TableDimension => ({
  id: "reason",
  from,
  total: "TOTAL",
  expand: withTotal("TOTAL"),
});

/**
 * Eurostat's sub-reasons (Regulation (EU) 2020/851), beside the reason rather than under it, so
 * that both add up on their own: a permit recorded with its reason only is under UNK.
 */
const permitSubReason = (from: "d2" | "d3"): TableDimension => ({
  id: "sub_reason",
  from,
  total: "TOTAL",
  expand: withTotal("TOTAL"),
});

const region = (from: "d1" | "d2" | "d3"): TableDimension => ({
  id: "region",
  from,
  total: "TOTAL",
  expand: withTotal("TOTAL"),
});
const caseType = (from: "d1"): TableDimension => ({
  id: "case_type",
  from,
  total: "TOTAL",
  expand: withTotal("TOTAL"),
});

/** Positive decisions of the asylum procedure add up to TOTAL_POS (Eurostat's decision dimension). */
const asylumDecision: TableDimension = {
  id: "decision",
  from: "d1",
  total: "TOTAL",
  expand: (code) =>
    ["GENCONV", "SUB_PROT", "HUMSTAT"].includes(code) ? [code, "TOTAL_POS", "TOTAL"] : [code, "TOTAL"],
};

const decisionOutcome: TableDimension = {
  id: "decision",
  from: "d2",
  total: "TOTAL",
  expand: withTotal("TOTAL"),
};

const person = [citizen, sex, age];

function enforcement(code: string, dataflow: string, kind: string): TableDefinition {
  return {
    code,
    dataflow,
    group: "enforcement",
    cube: "enforcement",
    frequency: "A",
    stock: false,
    filter: { d1: kind },
    dimensions: person,
    publicView: { rows: "citizen", columns: "age", protection: "round" },
  };
}

export const tableDefinitions: TableDefinition[] = [
  {
    code: "asylum-applicants",
    dataflow: "ESTAT:MIGR_ASYAPPCTZM(1.0)",
    group: "asylum",
    cube: "asylum_applicants",
    frequency: "M",
    stock: false,
    dimensions: [
      ...person,
      // Every applicant counts under ASY_APP; first-time applicants under NASY_APP as well.
      { id: "asyl_app", from: "d1", total: "ASY_APP", expand: (code) => [code], additive: false },
    ],
    publicView: { rows: "citizen", columns: "age", protection: "round" },
  },
  {
    code: "asylum-pending",
    dataflow: "ESTAT:MIGR_ASYPENCTZM(1.0)",
    group: "asylum",
    cube: "asylum_pending_stock",
    frequency: "M",
    stock: true,
    // At first instance or on appeal: a person pending at both counts once, under the earlier.
    dimensions: [...person, { id: "instance", from: "d1", total: "TOTAL", expand: withTotal("TOTAL") }],
    publicView: { rows: "citizen", columns: "age", protection: "round" },
  },
  {
    code: "asylum-withdrawn",
    dataflow: "ESTAT:MIGR_ASYWITHM(1.0)",
    group: "asylum",
    cube: "asylum_withdrawn",
    frequency: "M",
    stock: false,
    dimensions: [...person, { id: "withdrawal", from: "d1", total: "TOTAL", expand: withTotal("TOTAL") }],
    publicView: { rows: "citizen", columns: "age", protection: "round" },
  },
  {
    code: "asylum-unaccompanied-minors",
    dataflow: "ESTAT:MIGR_ASYUNAA(1.0)",
    group: "asylum",
    cube: "asylum_unaccompanied",
    frequency: "A",
    stock: false,
    dimensions: [citizen, sex, unaccompaniedAge],
    publicView: { rows: "citizen", columns: "sex", protection: "round" },
  },
  {
    code: "asylum-first-instance-decisions",
    dataflow: "ESTAT:MIGR_ASYDCFSTQ(1.0)",
    group: "asylum",
    cube: "asylum_decisions_first",
    frequency: "Q",
    stock: false,
    dimensions: [...person, asylumDecision],
    publicView: { rows: "citizen", columns: "decision", protection: "round" },
  },
  {
    code: "asylum-final-decisions",
    dataflow: "ESTAT:MIGR_ASYDCFINA(1.0)",
    group: "asylum",
    cube: "asylum_decisions_final",
    frequency: "A",
    stock: false,
    dimensions: [...person, asylumDecision],
    publicView: { rows: "citizen", columns: "decision", protection: "round" },
  },
  {
    code: "first-permits",
    dataflow: "ESTAT:MIGR_RESFIRST(1.0)",
    group: "permits",
    cube: "permits_first",
    frequency: "A",
    stock: false,
    dimensions: [
      ...person,
      permitReason("d1"),
      { id: "duration", from: "d2", total: "TOTAL", expand: withTotal("TOTAL") },
      permitSubReason("d3"),
    ],
    publicView: { rows: "citizen", columns: "reason", protection: "suppress" },
  },
  {
    code: "valid-permits",
    dataflow: "ESTAT:MIGR_RESVALID(1.0)",
    group: "permits",
    cube: "permits_valid_stock",
    frequency: "A",
    stock: true,
    dimensions: [...person, permitReason("d1"), permitSubReason("d2")],
    publicView: { rows: "citizen", columns: "reason", protection: "suppress" },
  },
  {
    code: "permits-issued",
    dataflow: "KARVAN:NAT_PERMITS_ISSUED(1.0)",
    group: "permits",
    cube: "permits_issued",
    frequency: "A",
    stock: false,
    // First, renewal or change of status (Art. 6(1)(b)) as the source marks the permit.
    dimensions: [
      ...person,
      { id: "issue", from: "d2", total: "TOTAL", expand: withTotal("TOTAL") },
      permitReason("d1"),
      permitSubReason("d3"),
    ],
    publicView: { rows: "reason", columns: "issue", protection: "suppress" },
  },
  enforcement("refused-entry", "ESTAT:MIGR_EIRFS(1.0)", "REFUSED"),
  enforcement("illegally-present", "ESTAT:MIGR_EIPRE(1.0)", "ILLEGAL"),
  enforcement("ordered-to-leave", "ESTAT:MIGR_EIORD(1.0)", "ORDERED"),
  enforcement("returned", "ESTAT:MIGR_EIRTN(1.0)", "RETURNED"),
  {
    code: "returned-by-type",
    dataflow: "ESTAT:MIGR_EIRT_VOL(1.0)",
    group: "enforcement",
    cube: "returns",
    frequency: "A",
    stock: false,
    dimensions: [
      ...person,
      { id: "return_type", from: "d1", total: "TOTAL", expand: withTotal("TOTAL") },
      { id: "assistance", from: "d2", total: "TOTAL", expand: withTotal("TOTAL") },
      { id: "destination", from: "d3", total: "TOTAL", expand: withTotal("TOTAL") },
    ],
    publicView: { rows: "citizen", columns: "return_type", protection: "round" },
  },
  {
    code: "stay-registrations",
    dataflow: "KARVAN:NAT_STAY_REG(1.0)",
    group: "national",
    cube: "registrations",
    frequency: "M",
    stock: false,
    dimensions: [citizen, region("d1")],
    publicView: { rows: "region", columns: "citizen", protection: "suppress" },
  },
  {
    code: "applications-by-type",
    dataflow: "KARVAN:NAT_APPLICATIONS(1.0)",
    group: "national",
    cube: "applications",
    frequency: "M",
    stock: false,
    dimensions: [caseType("d1"), region("d2")],
    publicView: { rows: "region", columns: "case_type", protection: "suppress" },
  },
  {
    code: "decisions-by-type",
    dataflow: "KARVAN:NAT_DECISIONS(1.0)",
    group: "national",
    cube: "decisions",
    frequency: "M",
    stock: false,
    dimensions: [caseType("d1"), decisionOutcome, region("d3")],
    publicView: { rows: "region", columns: "case_type", protection: "suppress" },
  },
  {
    code: "work-permits",
    dataflow: "KARVAN:NAT_WORK_PERMITS(1.0)",
    group: "national",
    cube: "decisions",
    frequency: "M",
    stock: false,
    filter: { d1: "work-permit" },
    dimensions: [decisionOutcome, region("d3")],
    publicView: { rows: "region", columns: "decision", protection: "suppress" },
  },
  {
    code: "violation-decisions",
    dataflow: "KARVAN:NAT_VIOLATIONS(1.0)",
    group: "national",
    cube: "violations",
    frequency: "M",
    stock: false,
    dimensions: [citizen, region("d1")],
    publicView: { rows: "region", columns: "citizen", protection: "suppress" },
  },
];

export function tableDefinition(code: string): TableDefinition | undefined {
  return tableDefinitions.find((definition) => definition.code === code);
}
