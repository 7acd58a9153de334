import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { loadComparisonFigures, parseSelection } from "../../modules/statistics/index.js";
import { out, withDatabase } from "../context.js";

interface LoadFiguresOptions {
  country: string;
  indicator: string;
  select?: string;
  source?: string;
}

async function loadFigures(file: string, options: LoadFiguresOptions): Promise<void> {
  const content = await readFile(file, "utf8");
  const select = options.select ? parseSelection(options.select) : undefined;
  await withDatabase(async (database) => {
    const load = await loadComparisonFigures(
      database.db,
      { name: basename(file), content },
      {
        country: options.country,
        indicator: options.indicator,
        ...(select ? { select } : {}),
        ...(options.source ? { source: options.source } : {}),
        at: new Date(),
      },
    );
    const first = load.years[0]?.period;
    const last = load.years.at(-1)?.period;
    out(
      `Loaded ${load.years.length} year(s) of ${load.indicator} for ${load.country} (${first}–${last}) from ${load.source}.`,
    );
  });
}

/** `karvan stats load-figures <file> --country <code>` */
export function registerStatsLoadFigures(stats: Command): void {
  stats
    .command("load-figures")
    .description(
      "load another country's official yearly figures (SDMX-CSV or Eurostat bulk CSV) to compare with; " +
        "replaces that country's earlier figures of the indicator, all or nothing",
    )
    .argument("<file>", "SDMX-CSV 1.0/2.0 or Eurostat bulk CSV file")
    .requiredOption("--country <code>", "ISO 3166-1 alpha-2 code of the country, e.g. SE")
    .option(
      "--indicator <indicator>",
      "asylum_applicants, first_time_applicants or population",
      "asylum_applicants",
    )
    .option(
      "--select <pairs>",
      "dimension codes to take, e.g. citizen=TOTAL,sex=T,age=TOTAL,asyl_app=ASY_APP",
    )
    .option("--source <label>", 'where the figures come from, e.g. "Eurostat migr_asyappctza"')
    .action(loadFigures);
}
