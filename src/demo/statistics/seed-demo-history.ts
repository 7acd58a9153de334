import { importStatisticalRecords } from "../../modules/statistics/index.js";
import type { Database } from "../../platform/db/index.js";
import { demoHistory } from "./demo-history.js";

/** DEMO DATA ONLY: loads the made-up history of a previous system (see demo-history.ts) as one import. */
export async function seedDemoHistory(
  db: Database,
  options: { scale: number; at: Date },
): Promise<{ records: number }> {
  // The history stays small beside a large caseload: it is there to fill the asylum tables.
  const scale = Math.min(options.scale, 20);
  const records = demoHistory({ scale, until: options.at.toISOString().slice(0, 10) });
  const files: Record<string, number> = {};
  for (const record of records) files[record.kind] = (files[record.kind] ?? 0) + 1;
  await importStatisticalRecords(db, records, {
    importedBy: "demo seed (made-up data, not real figures)",
    files,
    at: options.at,
  });
  return { records: records.length };
}
