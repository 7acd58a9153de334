import type { CaseTypeDefinition, FieldDefinition } from "../definition/case-type.js";

/**
 * What an officer typed in the queue's search box, read as what it can be: a date of birth, a
 * case number (whole or its beginning), a passport or other document number, or part of a name.
 * Only the person the case is about counts (the applicant, the worker, the guest): never family
 * members, hosts or employers.
 */
export interface QueueSearch {
  /** The kinds of value the term was read as, for the audit record (the term itself is not kept). */
  kinds: Array<"birthDate" | "reference" | "documentNumber" | "name">;
  birthDate?: { iso: string; fields: string[] };
  /** Upper-case beginning of a case number ("TRP-2026-00" or the whole "TRP-2026-001234"). */
  referencePrefix?: string;
  documentNumber?: { value: string; fields: string[] };
  name?: { folded: FoldedTerm; fields: string[] };
}

/** The term folded twice: Azerbaijani "ə" is written "a" in passports (Məmmədov, MAMMADOV) and "e" by many. */
export interface FoldedTerm {
  withA: string;
  withE: string;
}

export const searchTermMaxLength = 100;

/**
 * Small letters folded to plain Latin (and ё to е) after lower-casing, for an accent- and
 * case-blind match done the same way here and in SQL (`translate(lower(…))`; PostgreSQL and the
 * embedded database both lower every alphabet). The combining dot that lower-casing "İ" may
 * leave has no counterpart, so `translate` drops it.
 */
const accented = "çğıöşüáàâäãåéèêëíìîïóòôõøúùûñýžčšřćłё\u0307";
/** Letters that Unicode decomposition does not take apart. */
const undecomposed: Record<string, string> = { ı: "i", ø: "o", ł: "l", ё: "е", "\u0307": "" };
const foldFrom = accented;
const foldTo = [...accented]
  .map((letter) => undecomposed[letter] ?? (letter.normalize("NFD")[0] as string))
  .join("");

/** The `translate` arguments for SQL; "ə" goes to "a" or "e", by the variant. */
export function foldTranslation(schwa: "a" | "e"): { from: string; to: string } {
  // The dropped combining dot must stay last: `translate` deletes what has no counterpart.
  return { from: `ə${foldFrom}`, to: `${schwa}${foldTo}` };
}

function fold(text: string, schwa: "a" | "e"): string {
  const { from, to } = foldTranslation(schwa);
  const targets = [...to];
  const table = new Map([...from].map((letter, index) => [letter, targets[index] ?? ""]));
  return [...text.toLowerCase()]
    .map((letter) => table.get(letter) ?? letter)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export function foldTerm(term: string): FoldedTerm {
  return { withA: fold(term, "a"), withE: fold(term, "e") };
}

/** SQL text of a string constant (the folding tables hold no quote, but never trust that). */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `translate(lower(<text>), …)` with the folding table of one variant, written out as constants. */
export function foldedSql(text: string, schwa: "a" | "e"): string {
  const { from, to } = foldTranslation(schwa);
  return `translate(lower(${text}), ${sqlLiteral(from)}, ${sqlLiteral(to)})`;
}

/**
 * The words of every answer of a case, folded both ways, as a text-search vector: the GIN index
 * `cases_active_person_words` is built on exactly this expression (schema.ts), and the queue's
 * name search asks it for the beginnings of words before checking the name answers themselves.
 * Written out with constants so that the planner matches query and index.
 */
export function answerWordsVector(answers: string): string {
  return `to_tsvector('simple'::regconfig, ${foldedSql(`${answers}::text`, "a")} || ' ' || ${foldedSql(`${answers}::text`, "e")})`;
}

/** Every letter that folds to a plain one ("a" ← a, ə, á, à…), in both cases. */
const lettersFoldingTo = new Map<string, Set<string>>();
for (const schwa of ["a", "e"] as const) {
  const { from, to } = foldTranslation(schwa);
  const targets = [...to];
  [...from].forEach((letter, index) => {
    const plain = targets[index];
    if (!plain) return;
    const variants = lettersFoldingTo.get(plain) ?? new Set([plain, plain.toUpperCase()]);
    variants.add(letter).add(letter.toUpperCase());
    lettersFoldingTo.set(plain, variants);
  });
}
lettersFoldingTo.get("i")?.add("İ");

/**
 * A regular expression that finds a folded word in text as it was written: each plain letter
 * stands for the letters that fold to it ("mammadov" and "memmedov" both find "Məmmədov"). Words
 * hold letters only, so nothing in them is special to the expression.
 */
export function wordPattern(word: string): string {
  return [...word]
    .map((letter) => {
      const variants = lettersFoldingTo.get(letter);
      return variants ? `[${[...variants].join("")}]` : letter;
    })
    .join("");
}

/** The words of a folded name term (letters only), for a text-search query. */
export function nameWords(term: FoldedTerm): Array<{ withA: string; withE: string }> {
  const words = (text: string) => text.split(/[^\p{L}]+/u).filter((word) => word.length > 0);
  const withA = words(term.withA);
  const withE = words(term.withE);
  return withA.map((word, index) => ({ withA: word, withE: withE[index] ?? word }));
}

/** The fields that describe the person a case is about, across every version of every case type. */
export interface PersonFields {
  names: string[];
  birthDates: string[];
  documentNumbers: string[];
}

function isPersonName(field: FieldDefinition): boolean {
  return field.kind === "text" && (field.autocomplete === "name" || /(^f|F)ullName$/.test(field.name));
}

export function personFieldsOf(definitions: Iterable<CaseTypeDefinition>): PersonFields {
  const names = new Set<string>();
  const birthDates = new Set<string>();
  const documentNumbers = new Set<string>();
  for (const definition of definitions) {
    // Top-level fields only: those in repeating groups are about other people (family members).
    for (const field of definition.form.flatMap((page) => page.fields)) {
      if (isPersonName(field)) names.add(field.name);
      if (field.kind === "date" && /(^b|B)irthDate$/.test(field.name)) birthDates.add(field.name);
      if (field.kind === "documentNumber") documentNumbers.add(field.name);
    }
  }
  return { names: [...names], birthDates: [...birthDates], documentNumbers: [...documentNumbers] };
}

/** "1990-05-17", "17.05.1990" or "17/05/1990" as an ISO date, if it is a real day. */
export function birthDateOf(term: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(term);
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(term);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : local
      ? [local[3], local[2]?.padStart(2, "0"), local[1]?.padStart(2, "0")]
      : [];
  if (!year || !month || !day) return null;
  const value = `${year}-${month}-${day}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** The search a term stands for, or null when there is nothing to search (empty, too short). */
export function readSearchTerm(raw: string, fields: PersonFields): QueueSearch | null {
  const term = raw.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, searchTermMaxLength);
  if (term.length < 2) return null;
  const search: QueueSearch = { kinds: [] };
  const birthDate = birthDateOf(term);
  if (birthDate) {
    search.kinds.push("birthDate");
    search.birthDate = { iso: birthDate, fields: fields.birthDates };
    return search;
  }
  const upper = term.toUpperCase();
  if (/^[A-Z0-9][A-Z0-9-]*$/.test(upper)) {
    search.kinds.push("reference");
    search.referencePrefix = upper;
  }
  const documentNumber = upper.replace(/\s+/g, "");
  if (/^[A-Z0-9]{5,20}$/.test(documentNumber) && /\d/.test(documentNumber)) {
    search.kinds.push("documentNumber");
    search.documentNumber = { value: documentNumber, fields: fields.documentNumbers };
  }
  // Names have no digits; anything with letters and without digits may be part of one.
  if (/\p{L}/u.test(term) && !/\d/.test(term)) {
    search.kinds.push("name");
    search.name = { folded: foldTerm(term), fields: fields.names };
  }
  return search.kinds.length > 0 ? search : null;
}
