import type { Command } from "commander";
import { statisticsContextOf } from "../../composition-root.js";
import { startStatisticsProjector } from "../../modules/statistics/index.js";
import { note, withDatabase } from "../context.js";

/** `karvan stats follow` */
export function registerStatsFollow(stats: Command): void {
  stats
    .command("follow")
    .description(
      "keep the statistics current until stopped (Ctrl+C), as a worker beside web instances that run with " +
        "KARVAN_STATISTICS_PROJECTOR=false; PostgreSQL server only",
    )
    .action(async () => {
      await withDatabase(async (database) => {
        const projector = startStatisticsProjector(statisticsContextOf(database), {
          log: { error: (details, message) => note(`${message}: ${String(details.err)}`) },
        });
        note("Keeping the statistics current; stop with Ctrl+C.");
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        await projector.stop();
      });
    });
}
