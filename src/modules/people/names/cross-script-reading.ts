import type { NameReading } from "../matching/person-comparisons.js";
import { nameKeys } from "./normalise.js";

/**
 * How the matcher reads names written in any script: compared on their comparable key (equal for
 * Məmmədov, Mammadov, Мамедов, MAMEDOV) and blocked on its phonetic key. The phonetic key of a
 * comparable key is that of the name it came from, since the comparable key folds nothing twice.
 */
export const crossScriptNameReading: Required<NameReading> = {
  normalise: (name) => nameKeys(name).comparable,
  phoneticKey: (comparable) => nameKeys(comparable).phonetic,
};
