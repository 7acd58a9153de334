import type { Command } from "commander";
import { z } from "zod";
import { statisticsContextOf } from "../../composition-root.js";
import { listParkedCases, retryParkedCases } from "../../modules/statistics/index.js";
import type { DatabaseHandle } from "../../platform/db/index.js";
import { out, withDatabase } from "../context.js";

const caseId = z.uuid();

async function retry(database: DatabaseHandle, only: string[] | undefined): Promise<void> {
  const retried = await retryParkedCases(statisticsContextOf(database), {
    ...(only ? { caseIds: only } : {}),
  });
  out(`${retried.retried - retried.stillParked.length} of ${retried.retried} parked case(s) now counted.`);
  for (const item of retried.stillParked) out(`${item.caseId}  still parked: ${item.error}`);
}

async function list(database: DatabaseHandle, only: string[] | undefined): Promise<void> {
  const parked = await listParkedCases(database.db, only);
  if (parked.length === 0) {
    out("No parked cases: every case is in the statistics.");
    return;
  }
  for (const item of parked) {
    out(`${item.caseId}  ${item.parkedAt}  ${item.attempts} attempt(s)  ${item.error}`);
  }
}

/** `karvan stats parked [case-ids...] [--retry]` */
export function registerStatsParked(stats: Command): void {
  stats
    .command("parked")
    .description(
      "list the cases the statistics could not process (set aside so that the others are counted); " +
        "--retry projects them again once the cause is fixed",
    )
    .argument("[case-ids...]", "only these cases (default: every parked case)")
    .option("--retry", "project the parked cases again; those that fail again stay parked")
    .action(async (caseIds: string[], options: { retry?: boolean }) => {
      await withDatabase(async (database) => {
        const notIds = caseIds.filter((id) => !caseId.safeParse(id).success);
        if (notIds.length > 0) throw new Error(`not a case id: ${notIds.join(", ")}`);
        const only = caseIds.length > 0 ? caseIds : undefined;
        await (options.retry ? retry(database, only) : list(database, only));
      });
    });
}
