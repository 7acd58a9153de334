import type { Command } from "commander";
import { registerStatsCatchUp } from "./stats/catch-up.js";
import { registerStatsFollow } from "./stats/follow.js";
import { registerStatsLoadFigures } from "./stats/load-figures.js";
import { registerStatsParked } from "./stats/parked.js";
import { registerStatsRebuild } from "./stats/rebuild.js";

export { parallelReplayOf } from "./stats/parallel-replay.js";

/** `karvan stats`: one file per subcommand in ./stats/. */
export function registerStatsCommand(program: Command): void {
  const stats = program.command("stats").description("statistical records and cubes");
  registerStatsRebuild(stats);
  registerStatsFollow(stats);
  registerStatsCatchUp(stats);
  registerStatsParked(stats);
  registerStatsLoadFigures(stats);
}
