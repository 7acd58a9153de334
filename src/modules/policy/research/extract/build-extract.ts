import { createHmac, randomBytes } from "node:crypto";
import { writeCsv } from "../../../../platform/csv/index.js";
import type { StatisticalRecord } from "../../../statistics/index.js";
import {
  attributeValue,
  type ExtractVariable,
  isQuasiIdentifier,
  orderedVariables,
  type QuasiIdentifier,
} from "./extract-variables.js";
import { kAnonymise } from "./k-anonymise.js";

export interface ResearchExtract {
  /** The CSV file: a header, then one line per released record. */
  csv: string;
  rowsReleased: number;
  rowsSuppressed: number;
  generalisation: Record<string, string>;
}

/**
 * Pseudonyms for one extract: HMAC-SHA-256 of the person's key under a random key made for this
 * extract alone. The key lives only in this closure: once the extract is built nobody (Karvan
 * included) can compute the same pseudonyms again, so two extracts cannot be joined on them.
 */
function pseudonymsForOneExtract(): (personKey: string) => string {
  const key = randomBytes(32);
  // Hexadecimal: a pseudonym never starts with "-" or "=", which spreadsheet-safe CSV would quote.
  return (personKey) => createHmac("sha256", key).update(personKey).digest("hex");
}

/**
 * Builds a research extract from statistical records: the chosen variables of the whitelist, the
 * person as a pseudonym, quasi-identifiers generalised and rare combinations suppressed until every
 * released combination occurs at least k times.
 */
export function buildExtract(
  records: readonly StatisticalRecord[],
  variables: readonly string[],
  k: number,
): ResearchExtract {
  const columns = orderedVariables(variables);
  const chosenQuasi = columns.filter(isQuasiIdentifier) as QuasiIdentifier[];
  const anonymous = kAnonymise(records, chosenQuasi, k);
  const pseudonym = pseudonymsForOneExtract();
  const lines = anonymous.rows.map(({ record, quasi }) => [
    pseudonym(record.person.personKey),
    ...columns.map((variable: ExtractVariable) =>
      isQuasiIdentifier(variable)
        ? (quasi[chosenQuasi.indexOf(variable)] as string)
        : attributeValue(record, variable),
    ),
  ]);
  return {
    csv: writeCsv([["person", ...columns], ...lines], { byteOrderMark: true }),
    rowsReleased: lines.length,
    rowsSuppressed: anonymous.suppressed,
    generalisation: anonymous.generalisation,
  };
}
