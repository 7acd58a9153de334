import { createReadStream } from "node:fs";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  clustersCsv,
  defaultPeopleFileThresholds,
  linkPeopleFile,
  type PeopleFileLinkage,
  pairsCsv,
} from "../modules/people/index.js";
import { note, out } from "./context.js";
import { registerPeopleDedupeCommand } from "./people-dedupe.js";
import { byteProgressBar } from "./progress-bar.js";

interface LinkCommandOptions {
  out: string;
  clusters?: string;
  linkScore: number;
  reviewScore: number;
}

function score(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) throw new Error(`not a number: ${value}`);
  return number;
}

/** Both files appear complete or not at all: each is written beside its target, then renamed. */
async function writeOutputs(files: { path: string; text: string }[]): Promise<void> {
  const temporary = files.map((file) => ({ ...file, partial: `${file.path}.${process.pid}.part` }));
  try {
    for (const file of temporary) await writeFile(file.partial, file.text, { flag: "wx" });
    for (const file of temporary) await rename(file.partial, file.path);
  } finally {
    for (const file of temporary) await rm(file.partial, { force: true });
  }
}

function reportProblems(file: string, linkage: Extract<PeopleFileLinkage, { ok: false }>): never {
  for (const problem of linkage.problems) {
    const where = [file, `line ${problem.line}`, problem.column && `column ${problem.column}`];
    note(`${where.filter(Boolean).join(", ")}: ${problem.message} [${problem.code}]`);
  }
  const unlisted = linkage.problemCount - linkage.problems.length;
  if (unlisted > 0) note(`… and ${unlisted} more problem(s).`);
  throw new Error(`${linkage.problemCount} problem(s) found in ${file}: nothing was written`);
}

async function linkFile(file: string, options: LinkCommandOptions): Promise<void> {
  const size = (await stat(file)).size;
  const bar = byteProgressBar("reading");
  let linkage: PeopleFileLinkage;
  try {
    linkage = await linkPeopleFile(createReadStream(file), {
      thresholds: { link: options.linkScore, review: options.reviewScore },
      onBytes: (read) => bar.update(read, size),
      onLinking: (records) => {
        bar.stop();
        note(`Linking ${records} records…`);
      },
    });
  } finally {
    bar.stop();
  }
  if (!linkage.ok) reportProblems(file, linkage);
  const outputs = [{ path: options.out, text: pairsCsv(linkage.pairs) }];
  if (options.clusters) outputs.push({ path: options.clusters, text: clustersCsv(linkage.clusters) });
  await writeOutputs(outputs);
  const { summary } = linkage;
  out(
    `${summary.records} records, ${summary.candidatePairs} candidate pairs: ${summary.links} links, ` +
      `${summary.reviewPairs} pairs to review, ${summary.clusters} clusters of two or more records ` +
      `(${summary.singletons} records linked to none) in ${summary.seconds.toFixed(2)} s.`,
  );
  out(`Pairs written to ${options.out}${options.clusters ? `, clusters to ${options.clusters}` : ""}.`);
}

export function registerPeopleCommand(program: Command): void {
  const people = program.command("people").description("person records: link the records of a file");
  people
    .command("link")
    .description(
      "find the records of one person in a CSV file, whatever script the names are in (docs/people-link.md)",
    )
    .argument("<file>", "CSV with record_id and full_name or given_names/family_name, sex, birth_date, …")
    .requiredOption("--out <pairs.csv>", "where to write the scored pairs")
    .option("--clusters <clusters.csv>", "where to write each record's cluster")
    .option(
      "--link-score <score>",
      "link pairs scoring at least this",
      score,
      defaultPeopleFileThresholds.link,
    )
    .option(
      "--review-score <score>",
      "pairs scoring at least this (and below the link score) go to review",
      score,
      defaultPeopleFileThresholds.review,
    )
    .action(async (file: string, options: LinkCommandOptions) => {
      if (options.reviewScore > options.linkScore)
        throw new Error("--review-score must not be above --link-score");
      await linkFile(file, options);
    });
  registerPeopleDedupeCommand(people);
}
