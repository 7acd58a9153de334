import type { Command } from "commander";
import { statisticsFollowRegister } from "../composition-root.js";
import { systemActor } from "../modules/access/index.js";
import {
  applyDeduplication,
  dedupeRegister,
  type RegisterDeduplication,
  registerThresholdsOf,
  writeDedupeReport,
} from "../modules/people/index.js";
import type { KarvanConfig } from "../platform/config/index.js";
import type { DatabaseHandle } from "../platform/db/index.js";
import { note, out, withDatabase } from "./context.js";
import { countProgressBar } from "./progress-bar.js";

interface DedupeCommandOptions {
  apply?: boolean;
  report?: string;
}

function summaryOf(result: RegisterDeduplication): string {
  const ambiguous = result.ambiguousLinks > 0 ? ` (${result.ambiguousLinks} of them ambiguous links)` : "";
  return (
    `${result.persons} persons, ${result.candidatePairs} candidate pairs: ${result.links} links joining ` +
    `${result.clusters.length} cluster(s) of records of one person, ${result.reviews} pairs to review${ambiguous} ` +
    `in ${result.seconds.toFixed(1)} s.`
  );
}

/** The command's work on an open database: compare, print the summary, write the report, apply when asked. */
export async function dedupeDatabase(
  database: DatabaseHandle,
  config: Pick<KarvanConfig, "peopleLinkScore" | "peopleReviewScore">,
  options: DedupeCommandOptions,
): Promise<void> {
  const bar = countProgressBar("comparing", "block members");
  let result: RegisterDeduplication;
  try {
    result = await dedupeRegister(database.db, {
      thresholds: registerThresholdsOf(config),
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
  }
  if (result.modelEstimated) note("The register had no estimated model: estimated it first.");
  out(summaryOf(result));
  if (options.report) {
    await writeDedupeReport(options.report, result);
    out(`Report written to ${options.report}.`);
  }
  if (!options.apply) {
    if (result.links + result.reviews > 0)
      out("Nothing changed: run again with --apply to merge and open the reviews.");
    return;
  }
  const merging = countProgressBar("merging", "clusters");
  try {
    const applied = await applyDeduplication(database.db, result, systemActor, {
      follow: statisticsFollowRegister,
      onProgress: (done, total) => merging.update(done, total),
    });
    out(
      `${applied.merges} merges (each undoable from the person's merge history), ` +
        `${applied.reviewsOpened} duplicate reviews opened` +
        `${applied.skipped > 0 ? `, ${applied.skipped} persons skipped (merged meanwhile)` : ""}.`,
    );
  } finally {
    merging.stop();
  }
}

/** `karvan people dedupe`, beside `karvan people link`. */
export function registerPeopleDedupeCommand(people: Command): void {
  people
    .command("dedupe")
    .description(
      "find the persons registered more than once, e.g. after loading older systems' records (docs/people.md)",
    )
    .option(
      "--apply",
      "merge each cluster of linked persons into the one registered first (audited, undoable) and open reviews",
    )
    .option("--report <file.csv>", "where to write the linked and review pairs with their clusters")
    .action(async (options: DedupeCommandOptions) => {
      await withDatabase((database, config) => dedupeDatabase(database, config, options));
    });
}
