import { MISSING_LEVEL } from "../matching/fellegi-sunter.js";
import type { FieldComparison, LinkResult, MatchBand } from "../matching/link-records.js";
import { linkRecords } from "../matching/link-records.js";
import {
  type PreparedPerson,
  personBlockingKeys,
  personComparisons,
  preparePerson,
} from "../matching/person-comparisons.js";
import { crossScriptNameReading } from "../names/cross-script-reading.js";
import {
  type PeopleFileProblem,
  type PeopleFileRecord,
  type ReadPeopleFileOptions,
  readPeopleFile,
} from "./read-people-file.js";

/** The fields a people file has; the address fields of `personComparisons` are never filled here. */
const fileFields = ["given name", "surname", "date of birth", "sex", "citizenship", "document number"];

/** Per field, the name of each agreement level (index = level), as the pairs file writes them. */
const levelNames: Record<string, readonly string[]> = {
  "given name": ["different", "similar", "close", "equal"],
  surname: ["different", "similar", "close", "equal"],
  "date of birth": ["different", "partial", "one-digit", "swapped", "exact"],
  sex: ["different", "equal"],
  citizenship: ["different", "equal"],
  "document number": ["different", "one-typo", "equal"],
};

export const peopleFileComparisons: readonly FieldComparison<PreparedPerson>[] = personComparisons.filter(
  (comparison) => fileFields.includes(comparison.name),
);

/**
 * Default bands, as on FEBRL (docs/people.md): a score of 0 (the pair is as likely a match as not)
 * links; from −10 an officer reviews.
 */
export const defaultPeopleFileThresholds = { link: 0, review: -10 } as const;

export interface PeopleFilePair {
  leftId: string;
  rightId: string;
  score: number;
  band: MatchBand;
  /** Per compared field, the name of the agreement level (`missing` when either record lacks it). */
  agreement: { field: string; level: string }[];
}

export interface PeopleFileSummary {
  records: number;
  candidatePairs: number;
  links: number;
  reviewPairs: number;
  /** Groups of two or more records joined by links. */
  clusters: number;
  /** Records with no link: each its own person. */
  singletons: number;
  seconds: number;
}

export type PeopleFileLinkage =
  | {
      ok: true;
      summary: PeopleFileSummary;
      /** Every candidate pair, best score first. */
      pairs: PeopleFilePair[];
      /** Every record with its cluster, in file order; cluster ids are numbered in file order too. */
      clusters: { recordId: string; clusterId: string }[];
    }
  | { ok: false; problems: PeopleFileProblem[]; problemCount: number };

export interface LinkPeopleFileOptions extends ReadPeopleFileOptions {
  thresholds?: { link: number; review: number };
  /** Called between reading and linking, which runs at once and reports nothing until it ends. */
  onLinking?: (records: number) => void;
  now?: () => number;
}

function agreementOf(a: PreparedPerson, b: PreparedPerson): PeopleFilePair["agreement"] {
  return peopleFileComparisons.map((comparison) => {
    const level = comparison.compare(a, b);
    const names = levelNames[comparison.name] ?? [];
    return {
      field: comparison.name,
      level: level === MISSING_LEVEL ? "missing" : (names[level] ?? String(level)),
    };
  });
}

function clusterRows(records: readonly PeopleFileRecord[], linked: LinkResult) {
  const clusterOf = new Int32Array(records.length);
  // Clusters numbered by their first record, so that the numbering follows the file.
  const ordered = linked.clusters
    .map((members) => [...members].sort((a, b) => a - b))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  ordered.forEach((members, index) => {
    for (const member of members) clusterOf[member] = index + 1;
  });
  return {
    rows: records.map((record, index) => ({ recordId: record.recordId, clusterId: `C${clusterOf[index]}` })),
    clusters: ordered.filter((members) => members.length > 1).length,
    singletons: ordered.filter((members) => members.length === 1).length,
  };
}

/**
 * Links the records of one file against each other (deduplication): reads and checks the whole file
 * first (nothing is linked when a line is wrong), then blocking, comparison, Fellegi-Sunter weights
 * estimated by EM from the file's own candidate pairs, the bands and the clusters.
 */
export async function linkPeopleFile(
  source: AsyncIterable<Uint8Array>,
  options: LinkPeopleFileOptions = {},
): Promise<PeopleFileLinkage> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const reading = await readPeopleFile(source, options);
  if (reading.problems.length > 0)
    return { ok: false, problems: reading.problems, problemCount: reading.problemCount };
  const { records } = reading;
  options.onLinking?.(records.length);
  const people = records.map((record) => preparePerson(record.person, crossScriptNameReading));
  const linked = linkRecords(people, undefined, {
    keys: personBlockingKeys,
    comparisons: peopleFileComparisons,
    thresholds: options.thresholds ?? defaultPeopleFileThresholds,
  });
  const pairs = linked.pairs.map((pair) => ({
    leftId: records[pair.left]?.recordId ?? "",
    rightId: records[pair.right]?.recordId ?? "",
    score: pair.score,
    band: pair.band,
    agreement: agreementOf(people[pair.left] as PreparedPerson, people[pair.right] as PreparedPerson),
  }));
  const clusters = clusterRows(records, linked);
  const summary: PeopleFileSummary = {
    records: records.length,
    candidatePairs: linked.candidateCount,
    links: pairs.filter((pair) => pair.band === "link").length,
    reviewPairs: pairs.filter((pair) => pair.band === "review").length,
    clusters: clusters.clusters,
    singletons: clusters.singletons,
    seconds: (now() - started) / 1000,
  };
  return { ok: true, summary, pairs, clusters: clusters.rows };
}
