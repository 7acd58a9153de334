import { z } from "zod";

/**
 * Which answers of a case describe which persons, declared with the definition: the person register
 * reads this section and nothing else of a procedure, so a new case type links its persons to the
 * register by declaring them. Each declaration names the questions of the form that hold the
 * person's name, birth date, sex, citizenship and document.
 */

const answer = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "camelCase name");

export const personRoles = ["applicant", "guest", "worker", "family-member"] as const;
export type PersonRole = (typeof personRoles)[number];

const personDeclaration = z
  .strictObject({
    /** The person's part in the case: the person it is about is the applicant, the guest or the worker. */
    role: z.enum(personRoles),
    /** A text question holding the whole name (the forms ask "full name, as in the passport"). */
    fullName: answer.optional(),
    givenNames: answer.optional(),
    familyName: answer.optional(),
    /** A date question. */
    birthDate: answer.optional(),
    /** A question answered `F` or `M`. */
    sex: answer.optional(),
    /** A country question. */
    citizenship: answer.optional(),
    /** A question whose answer says how this person is related to the case's main person (`spouse`, `child`…). */
    relationship: answer.optional(),
    document: z
      .strictObject({
        number: answer,
        type: z
          .enum(["passport", "id-card", "residence-permit", "travel-document", "other"])
          .default("passport"),
        /** A country question. */
        issuingState: answer.optional(),
        /** A date question. */
        expiry: answer.optional(),
      })
      .optional(),
  })
  .refine(
    (declaration) =>
      declaration.fullName || declaration.givenNames || declaration.familyName || declaration.document,
    "a person needs a name or a document answer",
  );

export const personsSectionSchema = z.array(personDeclaration);
export type PersonsSection = z.output<typeof personsSectionSchema>;

interface Question {
  name: string;
  kind: string;
}

/** The kinds of question each declared answer may be. */
const expectedKinds = {
  fullName: ["text"],
  givenNames: ["text"],
  familyName: ["text"],
  birthDate: ["date"],
  sex: ["radios", "select"],
  citizenship: ["country"],
  relationship: ["radios", "select"],
} as const;

const expectedDocumentKinds = {
  number: ["documentNumber", "text"],
  issuingState: ["country"],
  expiry: ["date"],
} as const;

/** What is wrong with a definition's persons section: an answer that is no question of the form, or not of a fitting kind. */
export function personsSectionProblems(section: PersonsSection, questions: Question[]): string[] {
  const problems: string[] = [];
  const byName = new Map(questions.map((question) => [question.name, question]));
  const check = (name: string | undefined, kinds: readonly string[], what: string) => {
    if (!name) return;
    const question = byName.get(name);
    if (!question) problems.push(`persons: ${what} ${name} is not a question of the form`);
    else if (!kinds.includes(question.kind))
      problems.push(`persons: ${what} ${name} is a ${question.kind} question, not ${kinds.join(" or ")}`);
  };
  for (const declaration of section) {
    for (const [part, kinds] of Object.entries(expectedKinds)) {
      check(declaration[part as keyof typeof expectedKinds], kinds, `${declaration.role} ${part}`);
    }
    const document = declaration.document;
    if (!document) continue;
    for (const [part, kinds] of Object.entries(expectedDocumentKinds)) {
      check(
        document[part as keyof typeof expectedDocumentKinds],
        kinds,
        `${declaration.role} document ${part}`,
      );
    }
  }
  return problems;
}
