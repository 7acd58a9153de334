import cliProgress from "cli-progress";
import type { Command } from "commander";
import { statisticsContextOf } from "../../composition-root.js";
import { rebuildStatistics } from "../../modules/statistics/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { DatabaseHandle } from "../../platform/db/index.js";
import { out, withDatabase } from "../context.js";
import { parallelReplayOf } from "./parallel-replay.js";

async function rebuild(database: DatabaseHandle, config: KarvanConfig): Promise<void> {
  const started = Date.now();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: "{phase} [{bar}] {value} | {duration_formatted}", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(0, 0, { phase: "records" });
  try {
    const report = await rebuildStatistics(
      statisticsContextOf(database),
      ({ phase, done }) => {
        bar?.setTotal(Math.max(done, 1));
        bar?.update(done, { phase: phase === "records" ? "cases  " : "persons" });
      },
      parallelReplayOf(database, config),
    );
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out(
      `Statistics rebuilt from the events in ${seconds} s: ${report.cases} cases, ${report.records} records, ` +
        `${report.persons} persons, ${report.cells} cube cells, ${report.parked.length} cases parked.`,
    );
    // Only the ids: the errors stay in the table, since they may quote a value of the case.
    for (const caseId of report.parked) out(`Parked (see karvan stats parked): ${caseId}`);
  } finally {
    bar?.stop();
  }
}

/** `karvan stats rebuild` */
export function registerStatsRebuild(stats: Command): void {
  stats
    .command("rebuild")
    .description(
      "recompute every statistical record and cube from the case events (and the imported records)",
    )
    .action(async () => {
      await withDatabase(rebuild);
    });
}
