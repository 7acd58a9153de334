import type { RecordKind } from "../facts/statistical-record.js";

/**
 * The files of an import and their columns. Required columns must be in the header and filled on
 * every line; optional columns may be left out of the header or left empty.
 */
export interface ImportFileSpec {
  readonly name: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const personsFile = {
  name: "persons.csv",
  required: ["person_id"],
  // document_number is not counted: the person register links the imported person by it.
  optional: ["citizenship", "stateless", "sex", "birth_date", "document_number"],
} as const satisfies ImportFileSpec;

export const applicationsFile = {
  name: "applications.csv",
  required: ["application_id", "person_id", "case_type", "lodged_on"],
  optional: [
    "closed_on",
    "withdrawn",
    "unaccompanied_minor",
    "region",
    // The breakdowns of Regulation (EU) 2020/851.
    "withdrawal_type",
    "appeal_lodged_on",
    "appeal_closed_on",
  ],
} as const satisfies ImportFileSpec;

export const decisionsFile = {
  name: "decisions.csv",
  required: ["decision_id", "application_id", "instance", "decided_on", "outcome"],
  optional: [],
} as const satisfies ImportFileSpec;

export const permitsFile = {
  name: "permits.csv",
  required: ["permit_id", "person_id", "case_type", "reason", "valid_from", "valid_to"],
  // issue_type: first, renewal or change of status (Regulation (EU) 2020/851).
  optional: ["region", "issue_type"],
} as const satisfies ImportFileSpec;

/**
 * Files of one dated event of one person. They differ only in names, so one reader serves them all;
 * `caseType` is the procedure the statistics file the event under.
 */
export interface PersonEventFileSpec extends ImportFileSpec {
  readonly kind: RecordKind;
  readonly caseType: string;
  readonly idColumn: string;
  readonly dateColumn: string;
  readonly endColumn: string | null;
  readonly hasRegion: boolean;
  readonly hasOrder: boolean;
  /** returns.csv: return_type, assisted (received), assistance_offered and destination (Regulation (EU) 2020/851). */
  readonly hasReturnBreakdowns: boolean;
}

const returnBreakdownColumns = ["return_type", "assisted", "assistance_offered", "destination"] as const;

function personEventFile(
  spec: Omit<PersonEventFileSpec, "required" | "optional" | "hasReturnBreakdowns"> & {
    hasReturnBreakdowns?: boolean;
  },
): PersonEventFileSpec {
  const optional = [spec.endColumn, spec.hasRegion ? "region" : null, spec.hasOrder ? "order_id" : null];
  const hasReturnBreakdowns = spec.hasReturnBreakdowns ?? false;
  return {
    ...spec,
    hasReturnBreakdowns,
    required: [spec.idColumn, "person_id", spec.dateColumn],
    optional: [
      ...optional.filter((column): column is string => column !== null),
      ...(hasReturnBreakdowns ? returnBreakdownColumns : []),
    ],
  };
}

export const detentionsFile = personEventFile({
  name: "detentions.csv",
  kind: "detention",
  caseType: "detention",
  idColumn: "detention_id",
  dateColumn: "started_on",
  endColumn: "ended_on",
  hasRegion: true,
  hasOrder: false,
});

export const ordersToLeaveFile = personEventFile({
  name: "orders_to_leave.csv",
  kind: "order_to_leave",
  caseType: "return",
  idColumn: "order_id",
  dateColumn: "issued_on",
  endColumn: null,
  hasRegion: true,
  hasOrder: false,
});

export const returnsFile = personEventFile({
  name: "returns.csv",
  kind: "return",
  caseType: "return",
  idColumn: "return_id",
  dateColumn: "returned_on",
  endColumn: null,
  hasRegion: false,
  hasOrder: true,
  hasReturnBreakdowns: true,
});

export const refusalsOfEntryFile = personEventFile({
  name: "refusals_of_entry.csv",
  kind: "refused_entry",
  caseType: "border",
  idColumn: "refusal_id",
  dateColumn: "refused_on",
  endColumn: null,
  hasRegion: true,
  hasOrder: false,
});

export const illegalPresenceFile = personEventFile({
  name: "illegal_presence.csv",
  kind: "illegal_presence",
  caseType: "border",
  idColumn: "finding_id",
  dateColumn: "found_on",
  endColumn: null,
  hasRegion: true,
  hasOrder: false,
});

export const violationDecisionsFile = personEventFile({
  name: "violation_decisions.csv",
  kind: "violation_decision",
  caseType: "violation",
  idColumn: "decision_id",
  dateColumn: "decided_on",
  endColumn: null,
  hasRegion: true,
  hasOrder: false,
});

export const personEventFiles: readonly PersonEventFileSpec[] = [
  detentionsFile,
  ordersToLeaveFile,
  returnsFile,
  refusalsOfEntryFile,
  illegalPresenceFile,
  violationDecisionsFile,
];

/** In the order they are checked, so that errors come out in the order of the documentation. */
export const importFileSpecs: readonly ImportFileSpec[] = [
  personsFile,
  applicationsFile,
  decisionsFile,
  permitsFile,
  ...personEventFiles,
];
