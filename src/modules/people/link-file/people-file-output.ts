import { type CsvCell, writeCsv } from "../../../platform/csv/index.js";
import type { PeopleFilePair } from "./link-people-file.js";

/** The pairs file's columns after the two ids, the score and the band: one per compared field. */
const agreementColumns: Record<string, string> = {
  "given name": "given_names",
  surname: "family_name",
  "date of birth": "birth_date",
  sex: "sex",
  citizenship: "citizenship",
  "document number": "document_number",
};

/** Scores to two decimals: finer digits say nothing about a sum of estimated weights. */
function rounded(score: number): number {
  return Math.round(score * 100) / 100;
}

/** The scored pairs as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets), best first. */
export function pairsCsv(pairs: readonly PeopleFilePair[]): string {
  const fields = pairs[0]?.agreement.map((one) => one.field) ?? Object.keys(agreementColumns);
  const header: CsvCell[] = [
    "left_id",
    "right_id",
    "score",
    "band",
    ...fields.map((field) => agreementColumns[field] ?? field),
  ];
  const rows = pairs.map((pair): CsvCell[] => [
    pair.leftId,
    pair.rightId,
    rounded(pair.score),
    pair.band,
    ...pair.agreement.map((one) => one.level),
  ]);
  return writeCsv([header, ...rows], { byteOrderMark: true });
}

/** Every record with the cluster it belongs to, in file order. */
export function clustersCsv(clusters: readonly { recordId: string; clusterId: string }[]): string {
  return writeCsv(
    [["record_id", "cluster_id"], ...clusters.map((row): CsvCell[] => [row.recordId, row.clusterId])],
    { byteOrderMark: true },
  );
}
