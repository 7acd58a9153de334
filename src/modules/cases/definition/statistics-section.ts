import { z } from "zod";

/**
 * What official statistics count of a case type's cases, declared with the definition: the
 * statistics read this section and nothing else of a procedure, so a new case type appears in the
 * official tables by declaring it, with no change to the statistics module. The vocabulary is
 * Eurostat's (Regulation (EC) No 862/2007): decision categories and reasons of residence permits.
 */

const answer = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "camelCase name");

/** Official categories of a decision: the generic ones and the asylum ones (Art. 4). */
const officialDecisionCategories = [
  "GRANTED",
  "REFUSED",
  "CLOSED",
  "GENCONV",
  "SUB_PROT",
  "HUMSTAT",
  "REJECTED",
] as const;

/**
 * Reasons of residence permits (Art. 6: family, education, remunerated activities, other) and the
 * sub-reasons Regulation (EU) 2020/851 added: studies, highly qualified workers, researchers,
 * seasonal workers, intra-corporate transferees, international protection, humanitarian reasons,
 * unaccompanied minors, victims of trafficking, and the other ones of each reason.
 */
export const residencePermitReasons = [
  "FAM",
  "EDUC",
  "OCC",
  "OTH",
  "EDUC_STUD",
  "EDUC_OTH",
  "OCC_HQW",
  "OCC_RES",
  "OCC_SEAS",
  "OCC_ICT",
  "OCC_OTH",
  "OTH_PROT",
  "OTH_HUM",
  "OTH_UAM",
  "OTH_VTHB",
  "OTH_OTH",
] as const;
const permitReason = z.enum(residencePermitReasons);
const transitionName = z.string().regex(/^[a-z][a-z0-9-]*$/);

export const statisticsSectionSchema = z.strictObject({
  /**
   * `registration`: one registration per case, from the case as it stands once submitted;
   * `application`: the application lodged, its first-instance decision and the residence permit
   * that decision issued; `return`: an order to leave, counted on the day it is notified (the
   * decision issued), and the return that followed it (`returns`).
   */
  counts: z.enum(["application", "registration", "return"]),
  /** The answers that describe the person the case is about (not the one who applies for them). */
  person: z.strictObject({
    /** A country question: the person's citizenship. */
    citizenship: answer,
    /** A question whose answer `yes` (or `true`) says the person is stateless. */
    stateless: answer.optional(),
    /** A date question: the date of birth (age groups). */
    birthDate: answer.optional(),
    /** A question answered `F` or `M`. */
    sex: answer.optional(),
    /** The travel document number, which with the citizenship recognises the person across cases. */
    travelDocument: answer.optional(),
  }),
  /** Address questions, in order of preference: the first one's region (from the list) is the case's place. */
  place: z.array(answer).default([]),
  /**
   * Who applies: `person`, the person the case is about (the default); `persons`, every family member
   * of the persons section too, each an applicant of their own with the case's application and
   * decisions (asylum, Art. 4: every person who applied, family members included).
   */
  applicantsFrom: z.enum(["person", "persons"]).optional(),
  /** A question answered `yes` when the applicant is an unaccompanied minor (asylum, Art. 4(1)(c)). */
  unaccompaniedMinor: answer.optional(),
  /**
   * A procedure with an appeal: entering one of these states lodges it. A decision issued after it
   * is final (Art. 4(3)), and the application stays pending until then.
   */
  appeal: z.strictObject({ states: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1) }).optional(),
  /**
   * The withdrawing transitions that record an implicit withdrawal (missed interview, absconding);
   * the others are explicit (Regulation (EU) 2020/851 counts withdrawals by type).
   */
  implicitWithdrawals: z.array(transitionName).default([]),
  /** The official category of each outcome of the case type (every outcome, for applications). */
  outcomes: z.record(z.string(), z.enum(officialDecisionCategories)).default({}),
  /**
   * A decision of category GRANTED with a validity (the outcome's `validityMonths` or
   * `validUntilAnswer`) is a residence permit, valid as the decision says, counted under this
   * reason: a fixed one, or one chosen by the answer to a question (`otherwise` for other answers).
   */
  residencePermit: z
    .strictObject({
      reason: z.union([
        permitReason,
        z.strictObject({
          answer,
          codes: z.record(z.string(), permitReason),
          otherwise: permitReason,
        }),
      ]),
      /** What the permit is for its holder: a first one, a renewal, or a change of status or reason to stay. */
      issue: z.enum(["first", "renewal", "change"]).optional(),
    })
    .optional(),
  /**
   * A return procedure: the transitions that record the person's leaving, each with how they left
   * (Art. 7(1)(b) counts returns that followed an order to leave).
   */
  returns: z
    .strictObject({
      returnedBy: z.record(z.string(), z.enum(["voluntary", "forced"])),
      /** A question answered `yes` when return assistance was offered to the person (kept, not counted). */
      assistanceOffered: answer.optional(),
      /**
       * The answer a voluntary departure's step records (`yes`/`no`, on its event) when the person
       * received return assistance: what Regulation (EU) 2020/851 counts; a removal is not an
       * assisted return.
       */
      assistanceReceived: answer.optional(),
      /** The question of where the person goes, each option as a destination of the tables. */
      destination: z
        .strictObject({
          answer,
          codes: z.record(z.string(), z.enum(["origin", "transit", "other"])),
        })
        .optional(),
    })
    .optional(),
});
export type StatisticsSection = z.output<typeof statisticsSectionSchema>;

interface Question {
  name: string;
  kind: string;
  options?: Array<{ value: string }>;
}

/** A transition with the answers its step asks (step-answers.ts). */
interface StepOfWorkflow {
  name: string;
  answers: ReadonlyArray<{ name: string; kind: string; choices: ReadonlyArray<{ value: string }> }>;
}

/**
 * The assistance received is an answer of the step: every voluntary departure's step declares it
 * as a yes/no choice, so that each departure records it and no form question stands for it.
 */
function assistanceReceivedProblems(
  received: string,
  section: StatisticsSection,
  byName: ReadonlyMap<string, Question>,
  transitions: readonly StepOfWorkflow[],
): string[] {
  const problems: string[] = [];
  if (byName.has(received))
    problems.push(
      `statistics: assistanceReceived ${received} is recorded by the departure's step, not asked in the form`,
    );
  const voluntary = Object.entries(section.returns?.returnedBy ?? {})
    .filter(([, how]) => how === "voluntary")
    .map(([name]) => name);
  if (voluntary.length === 0)
    problems.push("statistics: assistanceReceived needs a voluntary departure's step");
  for (const name of voluntary) {
    const answer = transitions
      .find((transition) => transition.name === name)
      ?.answers.find((one) => one.name === received);
    const values = answer?.choices.map((one) => one.value) ?? [];
    if (!answer) problems.push(`statistics: assistanceReceived ${received} is not an answer of step ${name}`);
    else if (answer.kind !== "choice" || !values.includes("yes") || !values.includes("no"))
      problems.push(`statistics: assistanceReceived ${received} of step ${name} is not a yes/no choice`);
  }
  return problems;
}

/** The kinds of question each declared answer may be. */
const expectedKinds = {
  citizenship: ["country"],
  stateless: ["radios", "select"],
  birthDate: ["date"],
  sex: ["radios", "select"],
  travelDocument: ["documentNumber", "text"],
} as const;

/**
 * What is wrong with a definition's statistics section: an answer that is no question of the
 * form or not of the kind it is read as, an outcome left without a category or not of the case type.
 */
export function statisticsSectionProblems(
  section: StatisticsSection,
  questions: Question[],
  outcomeCodes: string[],
  transitions: readonly StepOfWorkflow[],
): string[] {
  const problems: string[] = [];
  const byName = new Map(questions.map((question) => [question.name, question]));
  const check = (name: string, kinds: readonly string[], what: string) => {
    const question = byName.get(name);
    if (!question) problems.push(`statistics: ${what} ${name} is not a question of the form`);
    else if (!kinds.includes(question.kind))
      problems.push(`statistics: ${what} ${name} is a ${question.kind} question, not ${kinds.join(" or ")}`);
  };
  for (const [role, kinds] of Object.entries(expectedKinds)) {
    const name = section.person[role as keyof typeof expectedKinds];
    if (name) check(name, kinds, role);
  }
  for (const name of section.place) check(name, ["address"], "place");
  if (section.unaccompaniedMinor)
    check(section.unaccompaniedMinor, ["radios", "select"], "unaccompaniedMinor");
  for (const code of Object.keys(section.outcomes)) {
    if (!outcomeCodes.includes(code)) problems.push(`statistics: unknown outcome ${code}`);
  }
  if (section.counts === "application") {
    for (const code of outcomeCodes) {
      if (!(code in section.outcomes)) problems.push(`statistics: outcome ${code} has no official category`);
    }
  }
  if ((section.counts === "return") !== (section.returns !== undefined))
    problems.push("statistics: counts return goes with a returns part, and only it");
  if (section.returns?.assistanceOffered)
    check(section.returns.assistanceOffered, ["radios", "select"], "assistanceOffered");
  const received = section.returns?.assistanceReceived;
  if (received) problems.push(...assistanceReceivedProblems(received, section, byName, transitions));
  const destination = section.returns?.destination;
  if (destination) {
    check(destination.answer, ["radios", "select"], "destination");
    const options = byName.get(destination.answer)?.options?.map((option) => option.value) ?? [];
    for (const value of options) {
      if (!(value in destination.codes)) problems.push(`statistics: destination option ${value} has no code`);
    }
  }
  const reason = section.residencePermit?.reason;
  if (typeof reason === "object") {
    check(reason.answer, ["radios", "select"], "reason");
    const options = byName.get(reason.answer)?.options?.map((option) => option.value) ?? [];
    for (const value of Object.keys(reason.codes)) {
      if (!options.includes(value)) problems.push(`statistics: ${reason.answer} has no option ${value}`);
    }
  }
  return problems;
}
