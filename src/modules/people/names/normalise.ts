import { readFileSync } from "node:fs";

/**
 * Keys that let one person's name be found however it was written: in Azerbaijani Latin, in the
 * Azerbaijani Cyrillic of documents issued before 1992, in Russian, in a passport's ICAO spelling or in
 * English romanisation. The tables are data (`tables/*.json`, each naming its source) so they can be
 * reviewed without reading code; docs/people.md says which spellings the keys join.
 */

export type NameScript = "latin" | "cyrillic-az" | "cyrillic-ru" | "mixed" | "other" | "none";

export interface NameKeys {
  /** The script the name was written in; Cyrillic with any Azerbaijani-only letter is `cyrillic-az`. */
  script: NameScript;
  /** The name in Azerbaijani Latin letters, case kept; a Russian spelling gives its best reading only. */
  latin: string;
  /** Lower-case key equal for the spellings of one name; words separated by one space. */
  comparable: string;
  /** Coarser key for blocking candidates: consonant skeleton of `comparable`, one word per name part. */
  phonetic: string;
}

interface CyrillicTable {
  letters: Record<string, string>;
  markers: string;
}

interface RussianTable {
  letters: Record<string, string>;
  digraphs: Record<string, string>;
  iotatedAfterConsonant: Record<string, string>;
  iotatedOtherwise: Record<string, string>;
  frontVowels: string;
  beforeFrontVowel: Record<string, string>;
  vowels: string;
}

interface IcaoTable {
  latin: Record<string, string>;
  nationalPractice: Record<string, string>;
  cyrillic: Record<string, string>;
}

interface EnglishTable {
  letters: Record<string, string>;
}

interface ComparableTable {
  folds: Record<string, string>;
  vowels: string;
}

function table<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./tables/${file}`, import.meta.url), "utf8")) as T;
}

const azCyrillic = table<CyrillicTable>("az-cyrillic-to-latin.json");
const russian = table<RussianTable>("ru-to-az-latin.json");
const icao = table<IcaoTable>("icao-9303.json");
const english = table<EnglishTable>("az-latin-to-english.json");
const comparableTable = table<ComparableTable>("comparable.json");

const azCyrillicMarkers = new Set(azCyrillic.markers);
const russianVowels = new Set(russian.vowels);
const russianFrontVowels = new Set(russian.frontVowels);
const comparableVowels = new Set(comparableTable.vowels);
/** Longest letter group first, so that "dzh" wins over "zh" and "sh" over "s". */
const foldKeys = Object.keys(comparableTable.folds).sort((a, b) => b.length - a.length);
const foldLengths = [...new Set(foldKeys.map((key) => key.length))];

const cyrillicLetter = /\p{Script=Cyrillic}/u;
const latinLetter = /\p{Script=Latin}/u;
const anyLetter = /\p{L}/u;
const combiningMark = /\p{M}/gu;
const wordBreak = /[\s\p{Z}]+/u;
const asciiLetter = /^[a-z]$/;

/**
 * Letters that stand in for ə in Azerbaijani text typed without it: the turned e (U+01DD, U+018E) and
 * the Cyrillic schwa, found in Latin text copied from older systems, and ä of the 1991-1992 alphabet.
 */
const schwaLookAlikes: Record<string, string> = {
  ǝ: "ə",
  Ǝ: "Ə",
  ä: "ə",
  Ä: "Ə",
};

function isUpper(char: string): boolean {
  return char !== char.toLowerCase();
}

/** Upper-cases by Azerbaijani rules: i→İ and ı→I, which the default locale-free rules get wrong. */
function azUpper(text: string): string {
  return text.replaceAll("i", "İ").replaceAll("ı", "I").toUpperCase();
}

function withCaseOf(source: string, latin: string, nextIsUpper: boolean): string {
  if (!isUpper(source) || latin === "") return latin;
  if (nextIsUpper) return azUpper(latin);
  return azUpper(latin.slice(0, 1)) + latin.slice(1);
}

function detectScript(name: string): NameScript {
  let cyrillic = false;
  let latin = false;
  let other = false;
  let azMarker = false;
  for (const char of name) {
    if (cyrillicLetter.test(char)) {
      cyrillic = true;
      if (azCyrillicMarkers.has(char.toLowerCase())) azMarker = true;
    } else if (latinLetter.test(char)) latin = true;
    else if (anyLetter.test(char)) other = true;
  }
  if (cyrillic && latin) return "mixed";
  if (cyrillic) return azMarker ? "cyrillic-az" : "cyrillic-ru";
  if (latin) return "latin";
  return other ? "other" : "none";
}

function fromAzCyrillic(name: string): string {
  const chars = [...name];
  let out = "";
  chars.forEach((char, i) => {
    const latin = azCyrillic.letters[char.toLowerCase()];
    out += latin === undefined ? char : withCaseOf(char, latin, isUpper(chars[i + 1] ?? ""));
  });
  return out;
}

function russianLetter(lower: string, previous: string, next: string): string {
  const previousIsConsonant =
    cyrillicLetter.test(previous) && !russianVowels.has(previous) && previous !== "ь" && previous !== "ъ";
  if (previousIsConsonant) {
    const soft = russian.iotatedAfterConsonant[lower];
    if (soft !== undefined) return soft;
  } else {
    const iotated = russian.iotatedOtherwise[lower];
    if (iotated !== undefined) return iotated;
  }
  if (russianFrontVowels.has(next)) {
    const front = russian.beforeFrontVowel[lower];
    if (front !== undefined) return front;
  }
  return russian.letters[lower] ?? lower;
}

function fromRussian(name: string): string {
  const chars = [...name];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const lower = char.toLowerCase();
    const next = chars[i + 1] ?? "";
    const pair = russian.digraphs[lower + next.toLowerCase()];
    if (pair !== undefined) {
      out += withCaseOf(char, pair, isUpper(chars[i + 2] ?? ""));
      i++;
      continue;
    }
    if (!cyrillicLetter.test(char)) {
      out += char;
      continue;
    }
    const latin = russianLetter(lower, (chars[i - 1] ?? "").toLowerCase(), next.toLowerCase());
    out += withCaseOf(char, latin, isUpper(next));
  }
  return out;
}

function toAzLatin(name: string, script: NameScript): string {
  let text = "";
  for (const char of name.normalize("NFC")) text += schwaLookAlikes[char] ?? char;
  if (script === "cyrillic-az") return fromAzCyrillic(text);
  if (script === "cyrillic-ru" || script === "mixed") return fromRussian(text);
  return text;
}

/** Lower case with marks other than the Azerbaijani letters' removed (é→e, İ→i), for folding. */
function foldable(latin: string): string {
  let out = "";
  for (const char of latin.toLowerCase()) {
    out +=
      comparableTable.folds[char] === undefined ? char.normalize("NFD").replace(combiningMark, "") : char;
  }
  return out;
}

function foldWord(word: string): string[] {
  const symbols: string[] = [];
  let i = 0;
  while (i < word.length) {
    let matched = false;
    for (const length of foldLengths) {
      const folded = comparableTable.folds[word.slice(i, i + length)];
      if (folded !== undefined) {
        symbols.push(folded);
        i += length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char = String.fromCodePoint(word.codePointAt(i) as number);
    if (anyLetter.test(char)) symbols.push(char);
    i += char.length;
  }
  return symbols;
}

function collapseDoubles(symbols: string[]): string[] {
  return symbols.filter((symbol, i) => symbol !== symbols[i - 1]);
}

/**
 * The y of Russian iotated vowels (Алиева→Aliyeva, Гюль→Gyul) and of -yev/-ev is written or not
 * depending on the spelling: y between a consonant or i and a vowel is dropped, y before a consonant
 * (Heydər, Heidar) is read as i, and only a y starting a syllable after a vowel or the word is kept.
 */
function foldY(symbols: string[]): string[] {
  const out: string[] = [];
  symbols.forEach((symbol, i) => {
    if (symbol !== "y") {
      out.push(symbol);
      return;
    }
    const previous = symbols[i - 1];
    const next = symbols[i + 1];
    const nextIsVowel = next !== undefined && comparableVowels.has(next);
    if (!nextIsVowel) out.push("i");
    else if (previous === undefined || (previous !== "i" && comparableVowels.has(previous))) out.push("y");
  });
  return out;
}

function comparableWords(latin: string): string[] {
  const words: string[] = [];
  for (const part of foldable(latin).split(wordBreak)) {
    const symbols = collapseDoubles(foldY(collapseDoubles(foldWord(part))));
    if (symbols.length > 0) words.push(symbols.join(""));
  }
  return words;
}

/** Sounds the comparable key keeps apart but passports and hurried clerks do not (Ş→S, Ç→C, Q→K). */
const phoneticFolds: Record<string, string> = { ş: "s", ç: "c", k: "x", z: "s", p: "b", t: "d", f: "v" };

function phoneticWord(word: string): string {
  const chars = [...word];
  let out = comparableVowels.has(chars[0] ?? "") || chars[0] === "y" ? "a" : "";
  for (const char of chars) {
    if (comparableVowels.has(char) || char === "y") continue;
    const folded = phoneticFolds[char] ?? char;
    if (!out.endsWith(folded)) out += folded;
  }
  return out;
}

/**
 * The keys of recently seen names. A submission derives each of its persons' keys several times
 * (the watch lists, the blocking keys, the match view), and hosts register the same names again and
 * again; deriving them took about 5 % of a stay registration's CPU time.
 */
const recentNameKeys = new Map<string, Readonly<NameKeys>>();
const recentNameKeysLimit = 10_000;

/**
 * The keys of a person's name (one name part or a full name); never throws, whatever the string.
 * The keys are shared between callers: frozen, to be read only.
 */
export function nameKeys(name: string): Readonly<NameKeys> {
  const known = recentNameKeys.get(name);
  if (known !== undefined) return known;
  const keys = Object.freeze(derivedNameKeys(name));
  if (recentNameKeys.size >= recentNameKeysLimit) recentNameKeys.clear();
  recentNameKeys.set(name, keys);
  return keys;
}

/** `nameKeys` derived afresh. */
export function derivedNameKeys(name: string): NameKeys {
  const script = detectScript(name);
  const latin = toAzLatin(name, script).trim();
  const words = comparableWords(latin);
  return {
    script,
    latin,
    comparable: words.join(" "),
    phonetic: words.map(phoneticWord).join(" "),
  };
}

/**
 * The name as a passport's machine-readable zone would spell it (ICAO Doc 9303 Part 3): a Russian
 * spelling by the ICAO Cyrillic table, anything else from its Azerbaijani Latin form by the Latin table
 * with Azerbaijan's own choices (Ə→A, Ö→O, Ü→U); other marks dropped, words joined by one space.
 */
export function passportSpelling(name: string): string {
  const script = detectScript(name);
  const source = script === "cyrillic-ru" ? name.toLowerCase() : foldableForPassport(toAzLatin(name, script));
  let out = "";
  for (const char of source) {
    const mapped =
      script === "cyrillic-ru" ? icao.cyrillic[char] : (icao.nationalPractice[char] ?? icao.latin[char]);
    if (mapped !== undefined) out += mapped;
    else if (asciiLetter.test(char)) out += char.toUpperCase();
    else if (wordBreak.test(char) || char === "-") out += " ";
  }
  return out.split(" ").filter(Boolean).join(" ");
}

function foldableForPassport(latin: string): string {
  let out = "";
  for (const char of latin.toLowerCase()) {
    out +=
      icao.latin[char] !== undefined || icao.nationalPractice[char] !== undefined
        ? char
        : char.normalize("NFD").replace(combiningMark, "");
  }
  return out;
}

/** The name in the English romanisation of Azerbaijani official use (Məmmədov→Mammadov, Xəlilov→Khalilov). */
export function englishSpelling(name: string): string {
  const chars = [...nameKeys(name).latin.replaceAll("İ", "I")];
  let out = "";
  chars.forEach((char, i) => {
    const mapped = english.letters[char.toLowerCase()];
    if (mapped === undefined) out += char;
    else if (!isUpper(char)) out += mapped;
    else
      out += isUpper(chars[i + 1] ?? "")
        ? mapped.toUpperCase()
        : mapped.slice(0, 1).toUpperCase() + mapped.slice(1);
  });
  return out;
}
