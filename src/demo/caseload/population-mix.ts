import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../../modules/cases/index.js";
import { type SeededRandom, WeightedChoice } from "../../platform/random/index.js";
import { isCountryCode } from "../../platform/reference/index.js";

/** Age groups of the Eurostat tables, with the ages each covers. */
export const ageGroups = {
  Y_LT14: [0, 13],
  "Y14-17": [14, 17],
  "Y18-34": [18, 34],
  "Y35-64": [35, 64],
  Y_GE65: [65, 84],
} as const satisfies Record<string, readonly [number, number]>;
export type AgeGroup = keyof typeof ageGroups;
const ageGroupCodes = Object.keys(ageGroups) as AgeGroup[];

interface CitizenshipProfile {
  female: number;
  ages: WeightedChoice<AgeGroup>;
}

/** Who the foreign nationals of the demo are: citizenship, then sex and age given the citizenship. */
export interface PopulationMix {
  /** Where the figures come from, for the seed's report. */
  source: string;
  citizenship(random: SeededRandom): string;
  sex(random: SeededRandom, citizenship: string): "F" | "M";
  ageGroup(random: SeededRandom, citizenship: string): AgeGroup;
}

/** The extract of the demo's data files (see src/demo/data/README.md for its source and cut). */
export const eurostatFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "data",
  "eurostat",
  "sweden_migr_asyappctza_2018_2022_asy_app.csv",
);
/** Recent years only: the mix of 2018-2022, with the arrivals from Ukraine in 2022. */
const years = ["2018", "2019", "2020", "2021", "2022"];
/** Eurostat's own country codes that differ from ISO 3166-1. */
const isoOf: Record<string, string> = { EL: "GR", UK: "GB" };

interface Counts {
  total: number;
  female: number;
  male: number;
  ages: Map<AgeGroup, number>;
}

/**
 * Reads Eurostat's `migr_asyappctza` extract (asylum applicants in Sweden by citizenship, sex and
 * age) and keeps the figures of recent years. Citizens of the country
 * itself are left out: they are not foreign nationals there.
 */
export function readEurostatMix(file: string, ownCountry: string): PopulationMix {
  const text = readFileSync(file, "utf8");
  // The table has every year and applicant type; keep the lines that matter before parsing.
  const lines = text.split("\n");
  const wanted = lines.filter(
    (line) => line.includes(",ASY_APP,") && years.some((year) => line.includes(`,${year}-`)),
  );
  const [header, ...records] = parseCsv([lines[0] ?? "", ...wanted].join("\n"));
  const column = (name: string) => header?.fields.indexOf(name) ?? -1;
  const [citizenIndex, sexIndex, ageIndex, valueIndex] = ["citizen", "sex", "age", "values"].map(column);
  const counts = new Map<string, Counts>();
  for (const { fields } of records) {
    const raw = fields[citizenIndex as number] ?? "";
    const citizen = isoOf[raw] ?? raw;
    const value = Number(fields[valueIndex as number]);
    if (!isCountryCode(citizen) || citizen === ownCountry || !Number.isFinite(value) || value <= 0) continue;
    const entry = counts.get(citizen) ?? { total: 0, female: 0, male: 0, ages: new Map() };
    counts.set(citizen, entry);
    const sex = fields[sexIndex as number];
    const age = fields[ageIndex as number] as string;
    if (age === "TOTAL") {
      if (sex === "T") entry.total += value;
      else if (sex === "F") entry.female += value;
      else if (sex === "M") entry.male += value;
    } else if (sex === "T" && age in ageGroups) {
      entry.ages.set(age as AgeGroup, (entry.ages.get(age as AgeGroup) ?? 0) + value);
    }
  }
  if (counts.size === 0) throw new Error(`${file} holds no usable figures`);
  return mixFrom(
    counts,
    `Eurostat migr_asyappctza (Sweden, ${years[0]}-${years.at(-1)}), ${counts.size} citizenships`,
  );
}

function mixFrom(counts: Map<string, Counts>, source: string): PopulationMix {
  const overallAges = new Map<AgeGroup, number>();
  let female = 0;
  let male = 0;
  for (const entry of counts.values()) {
    female += entry.female;
    male += entry.male;
    for (const [group, value] of entry.ages) overallAges.set(group, (overallAges.get(group) ?? 0) + value);
  }
  const overall: CitizenshipProfile = {
    female: female / Math.max(1, female + male),
    ages: new WeightedChoice(ageGroupCodes.map((group) => [group, overallAges.get(group) ?? 1] as const)),
  };
  const profiles = new Map<string, CitizenshipProfile>();
  for (const [citizen, entry] of counts) {
    const agesKnown = [...entry.ages.values()].reduce((sum, value) => sum + value, 0);
    // Small groups follow the overall structure: a handful of people says little about a country.
    profiles.set(citizen, {
      female: entry.female + entry.male >= 50 ? entry.female / (entry.female + entry.male) : overall.female,
      ages:
        agesKnown >= 50
          ? new WeightedChoice(ageGroupCodes.map((group) => [group, entry.ages.get(group) ?? 0] as const))
          : overall.ages,
    });
  }
  const citizenships = new WeightedChoice(
    [...counts].map(([citizen, entry]) => [citizen, entry.total] as const),
  );
  const profileOf = (citizenship: string) => profiles.get(citizenship) ?? overall;
  return {
    source,
    citizenship: (random) => citizenships.pick(random),
    sex: (random, citizenship) => (random.chance(profileOf(citizenship).female) ? "F" : "M"),
    ageGroup: (random, citizenship) => profileOf(citizenship).ages.pick(random),
  };
}

/**
 * Used when the Eurostat extract is not wanted or not found: a rough mix of the foreign nationals registering in
 * Azerbaijan (neighbours, Central Asia, the Middle East, South Asia), with an adult-heavy age
 * structure. Approximate figures for demonstration only.
 */
export function builtInMix(ownCountry: string): PopulationMix {
  const shares: Array<[string, number]> = [
    ["RU", 20],
    ["TR", 18],
    ["IR", 12],
    ["GE", 7],
    ["UA", 5],
    ["KZ", 4],
    ["UZ", 4],
    ["IN", 4],
    ["PK", 3],
    ["CN", 3],
    ["TM", 2],
    ["IQ", 2],
    ["SY", 2],
    ["AF", 2],
    ["KG", 2],
    ["TJ", 2],
    ["BY", 1],
    ["DE", 1],
    ["GB", 1],
    ["EG", 1],
    ["NG", 1],
    ["BD", 1],
    ["AE", 1],
    ["SA", 1],
  ];
  const ages: Record<AgeGroup, number> = { Y_LT14: 10, "Y14-17": 4, "Y18-34": 45, "Y35-64": 37, Y_GE65: 4 };
  const counts = new Map<string, Counts>(
    shares
      .filter(([code]) => code !== ownCountry)
      .map(([code, share]) => [
        code,
        {
          total: share * 100,
          female: share * 35,
          male: share * 65,
          ages: new Map(ageGroupCodes.map((group) => [group, share * ages[group]])),
        },
      ]),
  );
  return mixFrom(counts, "built-in approximate mix (without the Eurostat figures)");
}

/** The Eurostat mix when its file is given and there, else the built-in one. */
export function loadPopulationMix(ownCountry: string, file: string | null = eurostatFile): PopulationMix {
  return file && existsSync(file) ? readEurostatMix(file, ownCountry) : builtInMix(ownCountry);
}
