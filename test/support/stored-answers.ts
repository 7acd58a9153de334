import { sql } from "drizzle-orm";
import { checkAnswers } from "../../src/modules/cases/definition/validate-answers.js";
import type { CaseTypeDefinition, CaseTypeRegistry } from "../../src/modules/cases/index.js";
import { type Database, queryRows } from "../../src/platform/db/index.js";

/**
 * What no stored answer may ever hold, checked on the rows themselves after a fuzz run: the
 * rules are written out here again, apart from the validator, so that a hole in the validator
 * is not excused by the same hole in the check.
 */
/** Control characters besides tab and line breaks, and the bidirectional overrides and isolates. */
const forbiddenCharacter = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const invisibleOnly = /^(?:[\s\p{Cf}\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]|\u034F)*$/u;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every string in a value, with its path. */
function strings(value: unknown, path: string, into: Array<{ path: string; value: string }>) {
  if (typeof value === "string") into.push({ path, value });
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) strings(item, `${path}.${index}`, into);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) strings(item, `${path}.${key}`, into);
  }
  return into;
}

/** The answers to date questions, groups' items included. */
function dateAnswers(definition: CaseTypeDefinition, answers: Record<string, unknown>) {
  const found: Array<{ path: string; value: unknown }> = [];
  for (const field of definition.form.flatMap((page) => page.fields)) {
    const value = answers[field.name];
    if (field.kind === "date" && value !== undefined) found.push({ path: field.name, value });
    if (field.kind === "group" && Array.isArray(value)) {
      value.forEach((item: Record<string, unknown>, index) => {
        for (const inner of field.fields) {
          if (inner.kind === "date" && item?.[inner.name] !== undefined) {
            found.push({ path: `${field.name}.${index}.${inner.name}`, value: item[inner.name] });
          }
        }
      });
    }
  }
  return found;
}

export interface StoredAnswerViolation {
  caseId: string;
  path: string;
  value: unknown;
  rule: string;
}

/**
 * Looks at the answers of every case in the database (drafts included) and lists whatever breaks
 * the rules; `today` is the legal date the answers were given on (the tests' fixed clock).
 */
export async function storedAnswerViolations(
  db: Database,
  registry: CaseTypeRegistry,
  today: string,
): Promise<{ cases: number; violations: StoredAnswerViolation[] }> {
  const rows = await queryRows<{
    id: string;
    type_code: string;
    type_version: number;
    answers: Record<string, unknown>;
  }>(db, sql`select id, type_code, type_version, answers from cases`);
  const violations: StoredAnswerViolation[] = [];
  const latestDay = addDays(today, 20 * 366);
  for (const row of rows) {
    const refuse = (path: string, value: unknown, rule: string) =>
      violations.push({ caseId: row.id, path, value, rule });
    for (const { path, value } of strings(row.answers, "answers", [])) {
      if (forbiddenCharacter.test(value.replace(/[\t\n\r]/g, "")))
        refuse(path, value, "control or bidi character");
      if (value.trim() !== "" && invisibleOnly.test(value)) refuse(path, value, "invisible characters only");
      if (value.includes("[object ")) refuse(path, value, "an object turned into text");
      if (value.length > 2000) refuse(path, value, "longer than any question allows");
    }
    const answers = row.answers;
    const definition = registry.get(row.type_code, row.type_version);
    for (const { path, value } of dateAnswers(definition, answers)) {
      if (typeof value !== "string" || !isoDay.test(value))
        refuse(path, value, "a date question without a date");
      else if (value < "1900-01-01" || value > latestDay)
        refuse(path, value, "date outside 1900 .. 20 years ahead");
    }
    if (row.type_code === "stay-registration") {
      const arrival = answers.arrivalDate;
      const departure = answers.departureDate;
      if (typeof arrival === "string" && arrival < addDays(today, -15)) {
        refuse("answers.arrivalDate", arrival, "arrival more than 15 days ago");
      }
      if (typeof arrival === "string" && typeof departure === "string") {
        if (departure < arrival) refuse("answers.departureDate", departure, "departure before arrival");
        if (departure > addDays(arrival, 89)) refuse("answers.departureDate", departure, "stay over 90 days");
      }
    }
    // And the validator's own verdict on what was stored (a draft may still miss answers).
    for (const problem of checkAnswers(definition, answers, today).problems) {
      if (
        problem.messageKey === "cases.answers.required" ||
        problem.messageKey === "cases.answers.tooFewItems"
      )
        continue;
      refuse(problem.field, answers[problem.field.split(".")[0] ?? ""], problem.messageKey);
    }
  }
  return { cases: rows.length, violations };
}
