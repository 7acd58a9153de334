import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { type CsvCell, csvLine } from "../../../platform/csv/index.js";
import { MISSING_LEVEL } from "../matching/fellegi-sunter.js";
import { registerLevelNames } from "../register/scoring.js";
import type { RegisterDeduplication } from "./dedupe-register.js";

/** The report's columns after the cluster, the two persons, the score and the band: one per compared field. */
const fieldColumns = ["given_names", "family_name", "birth_date", "sex", "citizenship", "document_number"];

/** Scores to two decimals: finer digits say nothing about a sum of estimated weights. */
const rounded = (score: number) => Math.round(score * 100) / 100;

/**
 * The report's records: a header, then every pair at or above the review threshold, best first,
 * with the cluster the linked pairs make (C1 the largest) and each field's agreement in words.
 * A review pair whose persons ended up in one cluster through other links names that cluster.
 */
export function* dedupeReportRecords(result: RegisterDeduplication): Generator<CsvCell[]> {
  yield ["cluster_id", "left_person_id", "right_person_id", "score", "band", ...fieldColumns];
  const clusterOf = new Map<string, string>();
  result.clusters.forEach((cluster, index) => {
    for (const id of cluster) clusterOf.set(id, `C${index + 1}`);
  });
  for (const pair of result.pairs) {
    const [left, right] = pair.personIds;
    const cluster = clusterOf.get(left);
    yield [
      cluster !== undefined && cluster === clusterOf.get(right) ? cluster : "",
      left,
      right,
      rounded(pair.score),
      pair.band,
      ...pair.levels.map((level, field) =>
        level === MISSING_LEVEL ? "missing" : (registerLevelNames[field]?.[level] ?? String(level)),
      ),
    ];
  }
}

/**
 * Writes the report (RFC 4180, UTF-8 with a byte-order mark for spreadsheets) line by line beside
 * its target, then renames it: the file appears complete or not at all.
 */
export async function writeDedupeReport(file: string, result: RegisterDeduplication): Promise<void> {
  const partial = `${file}.${process.pid}.part`;
  try {
    const stream = createWriteStream(partial, { flags: "wx" });
    stream.write("\uFEFF");
    for (const record of dedupeReportRecords(result)) {
      if (!stream.write(csvLine(record))) await once(stream, "drain");
    }
    stream.end();
    await once(stream, "finish");
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}
