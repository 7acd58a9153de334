import type { Command } from "commander";
import { statisticsContextOf } from "../../composition-root.js";
import { catchUpStatistics, listParkedCases } from "../../modules/statistics/index.js";
import { note, withDatabase } from "../context.js";

/** `karvan stats catch-up` */
export function registerStatsCatchUp(stats: Command): void {
  stats
    .command("catch-up")
    .description("project the case changes that wait for the statistics (a running Karvan does this itself)")
    .action(async () => {
      await withDatabase(async (database) => {
        const cases = await catchUpStatistics(statisticsContextOf(database));
        note(`${cases} changed case(s) projected into the statistics.`);
        const parked = await listParkedCases(database.db);
        if (parked.length > 0) note(`${parked.length} case(s) are parked: see karvan stats parked.`);
      });
    });
}
