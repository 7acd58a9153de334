import fc from "fast-check";
import type { CaseTypeDefinition, ScalarFieldDefinition } from "../../src/modules/cases/index.js";

/**
 * Values an attacker or a broken client sends where an answer belongs, for the fuzz tests of the
 * API bodies and the forms.
 */

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Letters of the country's languages mixed with what must never be stored. */
const characters = [
  "a",
  "Ə",
  "ş",
  "Ж",
  " ",
  "-",
  "1",
  "😀",
  "\n",
  "\t",
  "\u0000", // NUL
  "\u0007", // bell
  "\u001b", // escape
  "\u0085", // C1 next line
  "\u200b", // zero-width space
  "\u200d", // zero-width joiner
  "\u2060", // word joiner
  "\ufeff", // byte order mark
  "\u00ad", // soft hyphen
  "\u3164", // Hangul filler
  "\u202e", // right-to-left override
  "\u2066", // left-to-right isolate
  "\u200f", // right-to-left mark
  "\ud800", // a surrogate without its pair
  "\udc00",
];

export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: fc.constantFrom(...characters), maxLength: 12 }),
    {
      weight: 3,
      arbitrary: fc.string({
        unit: fc.constantFrom("\u200b", "\u200c", "\u2060", "\ufeff", " ", "\u3164"),
        minLength: 1,
      }),
    },
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.string({ maxLength: 20 }),
    fc.string({ minLength: 195, maxLength: 2100, unit: fc.constantFrom("a", "Ə", " ") }),
  );
}

/** Dates far away, impossible or just outside a law's window (relative to `today`). */
export function hostileDate(today: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      "9999-12-31",
      "0000-01-01",
      "1899-12-31",
      "1900-01-01",
      "2026-02-30",
      "+020000-01-01",
      "2026-3-1",
      " 2026-03-01 ",
      "2026-03-01T00:00:00Z",
    ),
    fc
      .date({
        min: new Date("0000-01-01T00:00:00Z"),
        max: new Date("9999-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    fc.integer({ min: -400, max: 400 }).map((days) => addDays(today, days)),
    fc.integer({ min: -20, max: 20 }).map((days) => addDays(today, days)),
  );
}

/** Anything where an answer belongs: hostile text, dates, objects, lists, numbers, null. */
export function hostileAnswer(today: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    // Unusual but fine, so that a run also stores what it sent.
    fc.constantFrom("Ayşe Demir", "Jean-Luc O'Brien", "Ə\u200dli", "Ли Мин", "TR", "hotel", "AZ1000"),
    hostileString(),
    hostileDate(today),
    fc.anything({ maxDepth: 3 }),
    fc.array(hostileString(), { maxLength: 3 }),
    fc.record(
      { street: hostileString(), city: hostileString(), region: hostileString(), postcode: hostilePart() },
      { requiredKeys: [] },
    ),
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  );
}

function hostilePart(): fc.Arbitrary<unknown> {
  return fc.oneof(hostileString(), fc.integer(), fc.object({ maxDepth: 1 }));
}

/** A valid answer to a question, so that the hostile one beside it is what decides. */
function validAnswer(field: ScalarFieldDefinition, today: string): unknown {
  switch (field.kind) {
    case "text":
      return "Aysel Məmmədova";
    case "textarea":
      return "Bir neçə söz.\nA few words.";
    case "email":
      return "aysel@example.az";
    case "number":
      return field.min ?? 1;
    case "date":
      // A past day within a window counted back from today (an arrival), else a birth date.
      if (field.when === "past")
        return field.earliest && "daysFromToday" in field.earliest ? addDays(today, -1) : "1990-05-17";
      return addDays(today, 30);
    case "select":
    case "radios":
      return field.options[0]?.value;
    case "country":
      return "TR";
    case "documentNumber":
      return "U12345678";
    case "address":
      return { street: "Neftçilər prospekti 1", city: "Bakı", region: "AZ-BA", postcode: "AZ1000" };
  }
}

/** Valid answers to every question of a case type (conditions aside). */
export function validAnswersOf(definition: CaseTypeDefinition, today: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of definition.form.flatMap((page) => page.fields)) {
    answers[field.name] =
      field.kind === "group"
        ? Array.from({ length: field.minItems }, () =>
            Object.fromEntries(field.fields.map((inner) => [inner.name, validAnswer(inner, today)])),
          )
        : validAnswer(field, today);
  }
  return answers;
}

/** Which answers of a valid set to spoil: mostly one (so that it alone decides), sometimes two. */
export function fieldsToSpoil(names: string[]): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).map((name) => [name]) },
    { weight: 1, arbitrary: fc.subarray(names, { maxLength: Math.min(2, names.length) }) },
  );
}
