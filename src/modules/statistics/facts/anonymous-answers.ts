import type { CaseTypeDefinition } from "../../cases/index.js";

const DATE = /^(\d{4})-(\d{2})-\d{2}$/;

/**
 * The answers of a case that may stay once its retention period has run out: only what the
 * statistics section of its definition says the statistics count, and nothing that singles the
 * person out. Citizenship, statelessness, sex and the answer that gives the permit's reason stay;
 * the date of birth keeps its year and month (the first of the month: the age groups of the
 * tables stay right but within days of a birthday); an address of the place keeps its region code.
 * Names, document numbers, the rest of addresses and every other answer go (all of them for a case
 * type the statistics do not count). Without a document number the statistics count the case as
 * its own person (records-of-case.ts), so the records no longer link this case to the person's
 * other cases either.
 */
export function anonymousAnswers(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): Record<string, unknown> {
  const section = definition.statistics;
  const kept: Record<string, unknown> = {};
  if (!section) return kept;
  const { person } = section;
  const reason = section.residencePermit?.reason;
  for (const field of [
    person.citizenship,
    person.stateless,
    person.sex,
    typeof reason === "object" ? reason.answer : undefined,
  ]) {
    if (field !== undefined && answers[field] !== undefined) kept[field] = answers[field];
  }
  const birth = person.birthDate === undefined ? undefined : answers[person.birthDate];
  const match = typeof birth === "string" ? DATE.exec(birth.trim()) : null;
  if (match && person.birthDate !== undefined) kept[person.birthDate] = `${match[1]}-${match[2]}-01`;
  for (const field of section.place) {
    const region = (answers[field] as { region?: unknown } | undefined)?.region;
    if (typeof region === "string") kept[field] = { region };
  }
  return kept;
}
