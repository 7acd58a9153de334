import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  allPairsCount,
  candidatePairs,
  linkRecords,
  type PersonForMatching,
  pairsCompleteness,
  personBlockingKeys,
  personComparisons,
  preparePerson,
  reductionRatio,
} from "../src/modules/people/index.js";

/**
 * FEBRL 4 (../shared/data/febrl/, read where it lies): 5,000 original records linked against 5,000
 * altered copies, one copy each, with weights estimated by EM from the candidate pairs alone (the true
 * pairs are used only to score the result). Targets: F1 ≥ 0.99, pairs-completeness ≥ 0.999,
 * reduction ≥ 0.999, under 2 seconds from reading the files to the clusters.
 * KARVAN_FEBRL_DIR points elsewhere; KARVAN_FEBRL_LINK sets the link threshold (default 0, a likelihood
 * ratio of 1).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.env.KARVAN_FEBRL_DIR ?? path.resolve(here, "../../shared/data/febrl");
const targets = { f1: 0.99, pairsCompleteness: 0.999, reduction: 0.999, seconds: 2 };

function readCsv(file: string): string[][] {
  const lines = readFileSync(path.join(dir, file), "utf8").split(/\r?\n/);
  return lines
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(",").map((cell) => cell.trim()));
}

function recordsOf(file: string): { ids: string[]; people: PersonForMatching[] } {
  const ids: string[] = [];
  const people: PersonForMatching[] = [];
  for (const row of readCsv(file)) {
    const [id, givenName, surname, streetNumber, address1, , suburb, postcode, , dateOfBirth, socSecId] = row;
    ids.push(id ?? "");
    people.push({
      givenName,
      surname,
      dateOfBirth,
      documentNumber: socSecId,
      postcode,
      address: [streetNumber, address1].filter((part) => part).join(" "),
      locality: suburb,
    });
  }
  return { ids, people };
}

const started = performance.now();
const a = recordsOf("febrl4a.csv");
const b = recordsOf("febrl4b.csv");
const left = a.people.map((person) => preparePerson(person));
const right = b.people.map((person) => preparePerson(person));
const linked = linkRecords(left, right, {
  keys: personBlockingKeys,
  comparisons: personComparisons,
  thresholds: { link: Number(process.env.KARVAN_FEBRL_LINK ?? 0), review: -10 },
  oneToOne: true,
});
const seconds = (performance.now() - started) / 1000;

const positionInB = new Map(b.ids.map((id, position) => [id, position]));
const positionInA = new Map(a.ids.map((id, position) => [id, position]));
const truePairs: [number, number][] = [];
for (const [idA, idB] of readCsv("febrl4_true_matches.csv")) {
  const i = positionInA.get(idA ?? "");
  const j = positionInB.get(idB ?? "");
  if (i !== undefined && j !== undefined) truePairs.push([i, j]);
}
const isTrue = new Set(truePairs.map(([i, j]) => i * b.ids.length + j));
const links = linked.pairs.filter((pair) => pair.band === "link");
const correct = links.filter((pair) => isTrue.has(pair.left * b.ids.length + pair.right)).length;
const precision = links.length === 0 ? 0 : correct / links.length;
const recall = correct / truePairs.length;
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const candidates = candidatePairs(left, right, personBlockingKeys);
const completeness = pairsCompleteness(candidates, truePairs);
const reduction = reductionRatio(candidates.count, left.length, right.length);
const review = linked.pairs.filter((pair) => pair.band === "review").length;

const fixed = (value: number) => value.toFixed(4);
process.stdout.write(
  `records ${left.length} + ${right.length}, true pairs ${truePairs.length}, ` +
    `all pairs ${allPairsCount(left.length, right.length)}, candidates ${linked.candidateCount}\n` +
    `links ${links.length} (${correct} true, ${links.length - correct} false, ` +
    `${truePairs.length - correct} true pairs missed), review ${review}, ` +
    `estimated match proportion ${fixed(linked.model.matchProportion)}\n` +
    `targets: f1 ≥ ${targets.f1}, pairs-completeness ≥ ${targets.pairsCompleteness}, ` +
    `reduction ≥ ${targets.reduction}, seconds < ${targets.seconds}\n` +
    `febrl4: precision ${fixed(precision)}, recall ${fixed(recall)}, f1 ${fixed(f1)}, ` +
    `pairs-completeness ${fixed(completeness)}, reduction ${fixed(reduction)}, seconds ${seconds.toFixed(2)}\n`,
);
