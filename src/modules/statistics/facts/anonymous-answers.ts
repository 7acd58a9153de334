import { caseTypeFacts } from "./case-type-facts.js";

const DATE = /^(\d{4})-(\d{2})-\d{2}$/;

/**
 * The answers of a case that may stay once its retention period has run out: only what the
 * statistics count, and nothing that singles the person out. Citizenship, statelessness, sex and
 * the permit's ground stay; the date of birth keeps its year and month (the first of the month:
 * the age groups of the tables stay right but within days of a birthday); an address keeps its
 * region code. Names, document numbers, the rest of addresses and every other answer go. Without a
 * document number the statistics count the case as its own person (records-of-case.ts), so the
 * records no longer link this case to the person's other cases either.
 */
export function anonymousAnswers(
  typeCode: string,
  answers: Record<string, unknown>,
): Record<string, unknown> {
  const facts = caseTypeFacts(typeCode);
  const kept: Record<string, unknown> = {};
  for (const field of [
    facts.person.citizenship,
    facts.person.stateless,
    facts.person.sex,
    ...(facts.reasonAnswers ?? []),
  ]) {
    if (answers[field] !== undefined) kept[field] = answers[field];
  }
  const birth = answers[facts.person.birthDate];
  const match = typeof birth === "string" ? DATE.exec(birth.trim()) : null;
  if (match) kept[facts.person.birthDate] = `${match[1]}-${match[2]}-01`;
  for (const field of facts.addresses) {
    const region = (answers[field] as { region?: unknown } | undefined)?.region;
    if (typeof region === "string") kept[field] = { region };
  }
  return kept;
}
