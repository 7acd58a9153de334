import type { Queryable } from "../../../platform/db/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { type PersonOccurrence, personsOfAnswers } from "../definition/persons-of-answers.js";
import type { HoldFinding } from "../engine/events.js";

/** The person a case is about, as its answers describe them: what a submission check compares. */
export interface SubmittedPerson {
  /** The names as written, in whatever script the applicant used. */
  names: string[];
  birthDate: string | null;
  sex: string | null;
  citizenship: string | null;
  documentNumber: string | null;
}

/**
 * A check another module runs on every submission (portal, API, a host's file), inside the
 * submission: a finding puts the case on hold for an officer instead of letting it go on. It is
 * handed every person of the submission at once (a batch's too), so that it may ask the database
 * once for all of them, and answers with a finding or null for each, in their order. Wired in the
 * composition root, so that the case engine knows no module that checks.
 */
export type SubmissionCheck = (input: {
  db: Queryable;
  persons: SubmittedPerson[];
  typeCode: string;
}) => Promise<Array<HoldFinding | null>>;

function answerText(answers: Record<string, unknown>, name: string | undefined): string | null {
  if (!name) return null;
  const value = answers[name];
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : null;
}

/**
 * The full-name question of the person the statistics section describes: the text question named
 * like the citizenship one with `FullName` (`guestCitizenship` → `guestFullName`, `citizenship` →
 * `fullName`), the convention of every procedure until definitions name their persons' names.
 */
function fullNameQuestion(definition: CaseTypeDefinition, citizenship: string): string | undefined {
  const prefix = citizenship.replace(/Citizenship$|^citizenship$/, "");
  const name = prefix ? `${prefix}FullName` : "fullName";
  const question = definition.form.flatMap((page) => page.fields).find((field) => field.name === name);
  return question?.kind === "text" ? name : undefined;
}

function personOfOccurrence(occurrence: PersonOccurrence): SubmittedPerson {
  const parts = [occurrence.givenNames, occurrence.familyName].filter((part) => part).join(" ");
  return {
    names: [occurrence.fullName, parts].filter((name): name is string => Boolean(name)),
    birthDate: occurrence.birthDate ?? null,
    sex: occurrence.sex ?? null,
    citizenship: occurrence.citizenship ?? null,
    documentNumber: occurrence.document?.number ?? null,
  };
}

/**
 * Every person a case's answers describe: the definition's persons section (the applicant, a
 * guest, a worker, family members), or for a definition without one the person of its statistics
 * section. A finding names its person by the place in this list.
 */
export function submittedPersons(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): SubmittedPerson[] {
  if (definition.persons && definition.persons.length > 0) {
    return personsOfAnswers(definition, answers).map(({ occurrence }) => personOfOccurrence(occurrence));
  }
  const person = statisticsPerson(definition, answers);
  return person ? [person] : [];
}

/** The person of the statistics section, with the full name found by convention. */
function statisticsPerson(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): SubmittedPerson | null {
  const declared = definition.statistics?.person;
  if (!declared) return null;
  const fullName = answerText(answers, fullNameQuestion(definition, declared.citizenship));
  return {
    names: fullName ? [fullName] : [],
    birthDate: answerText(answers, declared.birthDate),
    sex: answerText(answers, declared.sex),
    citizenship: answerText(answers, declared.citizenship),
    documentNumber: answerText(answers, declared.travelDocument),
  };
}

/** Runs every check on every person of the case; the strongest finding holds the case, none lets it go on. */
export async function runSubmissionChecks(
  checks: readonly SubmissionCheck[] | undefined,
  db: Queryable,
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): Promise<HoldFinding | null> {
  const [hold] = await runSubmissionChecksOfCases(checks, db, definition, [answers]);
  return hold ?? null;
}

/**
 * `runSubmissionChecks` for the cases of a batch, each check asked once for all their persons: the
 * hold of each case, in their order. Within a case the findings are weighed person by person and,
 * for each, check by check, the first of equal strength kept.
 */
export async function runSubmissionChecksOfCases(
  checks: readonly SubmissionCheck[] | undefined,
  db: Queryable,
  definition: CaseTypeDefinition,
  answersOfCases: Array<Record<string, unknown>>,
): Promise<Array<HoldFinding | null>> {
  const holds: Array<HoldFinding | null> = answersOfCases.map(() => null);
  if (!checks || checks.length === 0) return holds;
  const checked = answersOfCases.flatMap((answers, caseIndex) =>
    submittedPersons(definition, answers)
      .map((person, personIndex) => ({ caseIndex, personIndex, person }))
      .filter(({ person }) => person.names.length > 0),
  );
  if (checked.length === 0) return holds;
  const persons = checked.map(({ person }) => person);
  const findings: Array<Array<HoldFinding | null>> = [];
  for (const check of checks) findings.push(await check({ db, persons, typeCode: definition.code }));
  for (const [index, { caseIndex, personIndex }] of checked.entries()) {
    for (const ofCheck of findings) {
      const finding = ofCheck[index];
      const strongest = holds[caseIndex];
      if (finding && (!strongest || finding.score > strongest.score)) {
        holds[caseIndex] = { ...finding, personIndex };
      }
    }
  }
  return holds;
}
