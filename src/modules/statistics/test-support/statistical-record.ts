import type { PersonFacts, StatisticalRecord } from "../facts/statistical-record.js";

let sequence = 0;

/** A record with sensible defaults: an asylum application of a Syrian man born in 1990. */
export function statisticalRecord(
  overrides: Partial<Omit<StatisticalRecord, "person">> & { person?: Partial<PersonFacts> } = {},
): StatisticalRecord {
  sequence += 1;
  const { person, ...rest } = overrides;
  return {
    recordId: `test:${String(sequence).padStart(4, "0")}`,
    source: "case",
    kind: "application",
    person: { personKey: "p1", citizenship: "SY", sex: "M", birthDate: "1990-06-15", ...person },
    caseType: "asylum",
    date: "2025-01-10",
    endDate: null,
    outcome: null,
    instance: null,
    reason: null,
    region: null,
    withdrawn: false,
    unaccompanied: false,
    ...rest,
  };
}
