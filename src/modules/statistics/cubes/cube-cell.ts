/** One cell of a cube: a count (and a sum that goes with it) at a month and a set of dimensions. */
export interface CubeCell {
  tableCode: CubeTable;
  /** YYYY-MM. */
  period: string;
  citizen: string;
  sex: string;
  age: string;
  d1: string;
  d2: string;
  d3: string;
  n: number;
  total: number;
}

/**
 * The cubes and what their free dimensions hold, by meaning: the key of the dimension's name in
 * `policyIndicators.filterDimensions` and of its codes' names in the statistics tables. A cube
 * without a dimension does not name it. Flows count at the month of the event; stocks (`*_stock`)
 * hold monthly changes, summed up to a month to give the stock at its end.
 */
export const cubeTables = {
  // applicant type: ASY_APP, NASY_APP (first-time)
  asylum_applicants: { d1: "applicantType" },
  asylum_unaccompanied: {},
  // type of withdrawal: EXPL, IMPL, UNK
  asylum_withdrawn: { d1: "withdrawal" },
  // instance: FIRST, APPEAL
  asylum_pending_stock: { d1: "instance" },
  asylum_decisions_first: { d1: "decision" },
  asylum_decisions_final: { d1: "decision" },
  // reason, length of validity, sub-reason (UNK: not recorded)
  permits_first: { d1: "reason", d2: "validity", d3: "subReason" },
  permits_valid_stock: { d1: "reason", d2: "subReason" },
  // reason, FIRST, RENEWAL, CHANGE or UNK as the source marks it, sub-reason
  permits_issued: { d1: "reason", d2: "issue", d3: "subReason" },
  // REFUSED, ILLEGAL, ORDERED, RETURNED
  enforcement: { d1: "enforcement" },
  // type of return, assistance received, destination
  returns: { d1: "returnType", d2: "assistance", d3: "destination" },
  detention_stock: { d1: "region" },
  registrations: { d1: "region" },
  applications: { d1: "caseType", d2: "region" },
  decisions: { d1: "caseType", d2: "outcome", d3: "region" },
  // WITHIN, LATE or UNK (against the legal time)
  processing: { d1: "caseType", d2: "timeliness" },
  // age of the application: M_LT1, M1-2, M3-5, M6-11, M_GE12
  backlog_stock: { d1: "caseType", d2: "backlogAge" },
  violations: { d1: "region" },
} as const satisfies Record<string, Partial<Record<"d1" | "d2" | "d3", string>>>;
export type CubeTable = keyof typeof cubeTables;

export type CellDimensions = Pick<CubeCell, "citizen" | "sex" | "age" | "d1" | "d2" | "d3">;

export function cellKey(cell: Omit<CubeCell, "n" | "total">): string {
  // A template rather than an array join: keys are made for millions of cells.
  return `${cell.tableCode}|${cell.period}|${cell.citizen}|${cell.sex}|${cell.age}|${cell.d1}|${cell.d2}|${cell.d3}`;
}

/**
 * Adds a cell to a sum (`sign` -1 takes it away). `adopt` lets the sum keep the cell object itself
 * when its key is new, for a cell made for the sum alone: one object fewer per cell.
 */
export function addCell(into: Map<string, CubeCell>, cell: CubeCell, sign: number, adopt = false): void {
  const key = cellKey(cell);
  const existing = into.get(key);
  if (existing) {
    existing.n += sign * cell.n;
    existing.total += sign * cell.total;
  } else if (adopt) {
    cell.n *= sign;
    cell.total *= sign;
    into.set(key, cell);
  } else {
    into.set(key, {
      tableCode: cell.tableCode,
      period: cell.period,
      citizen: cell.citizen,
      sex: cell.sex,
      age: cell.age,
      d1: cell.d1,
      d2: cell.d2,
      d3: cell.d3,
      n: sign * cell.n,
      total: sign * cell.total,
    });
  }
}

/** Adds cells with the same key (`sign` -1 takes them away). */
export function sumCells(
  cells: Iterable<CubeCell>,
  sign = 1,
  into = new Map<string, CubeCell>(),
): Map<string, CubeCell> {
  for (const cell of cells) addCell(into, cell, sign);
  return into;
}

/** The cells of a sum that do not come to nothing. */
export function nonZeroCells(sum: Map<string, CubeCell>): CubeCell[] {
  return [...sum.values()].filter((cell) => cell.n !== 0 || cell.total !== 0);
}
