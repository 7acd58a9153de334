import { z } from "zod";
import { errorResponses, limits } from "../api-schemas.js";
import { caseStatusSchema } from "../case-status.js";
import { registeredPersonsSchema } from "../registered-persons.js";

const caseId = z.uuid().describe("The case's id, as the registration answered it");

const nextStepSchema = z.object({
  name: z.string().describe("The step (transition) name, for `POST .../steps/{transition}`"),
  to: z.string().describe("The state the step leads to"),
  effect: z
    .string()
    .nullable()
    .describe("What the step records besides the move: draftDecision, approveDecision, requestDocuments..."),
  guards: z.array(z.string()).describe("Conditions checked when the step is taken (fourEyes, feePaid...)"),
  onActionsPage: z
    .boolean()
    .describe("True when the case type's own module takes its steps: this API then answers 409"),
  answers: z
    .array(
      z.object({
        name: z.string().describe("Send it as `answers.<name>` with the step"),
        kind: z.enum(["choice"]).describe("A choice: one of `choices`"),
        required: z.boolean(),
        choices: z.array(z.string()).describe("The values a choice takes"),
      }),
    )
    .describe("The answers the step asks, as the case type's definition declares them"),
});

const stepsOfCase = {
  seq: z.number().int().describe("Version of the case: send it as `expectedSeq` with the next step"),
  nextSteps: z.array(nextStepSchema).describe("The steps the caller may take now"),
};

export const staffCaseSchema = caseStatusSchema
  .extend({
    ...stepsOfCase,
    assignedTo: z.uuid().nullable().describe("The officer the case is assigned to"),
    answers: z
      .record(z.string(), z.unknown())
      .describe("The answers by question name, without special-category answers the caller may not read"),
    tasks: z.array(
      z.object({
        code: z.string(),
        status: z.string(),
        agencyId: z.uuid(),
        mandatory: z.boolean(),
      }),
    ),
    persons: registeredPersonsSchema,
    events: z
      .array(
        z.object({
          seq: z.number().int(),
          type: z.string().describe("e.g. case.submitted, case.transitioned, case.decision_drafted"),
          at: z.string().describe("ISO 8601 instant"),
          actorType: z.enum(["user", "api_key", "system"]),
        }),
      )
      .describe("The case's history in order, without its content"),
  })
  .describe("A case as the officer may see it");

export const readStaffCaseSchema = {
  tags: ["Cases"],
  summary: "A case with its steps (staff)",
  description:
    "A submitted case of the officer's agency: its state, legal deadline, answers, persons, history and " +
    "the steps the officer may take now. Answers of a special category (an asylum seeker's religion) " +
    "are left out unless the officer holds the type's sensitive permission (`asylum.sensitive`). " +
    "Every read is audited as an opening of the case file. Another agency's case, a draft or an unknown " +
    "id answers 404; a type the officer may not read (`asylum.read`) 403. " +
    limits,
  params: z.object({ id: caseId }),
  response: { 200: staffCaseSchema, ...errorResponses },
};

export const caseStepBody = z
  .object({
    expectedSeq: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("The case's `seq` as last read: if it changed since, 409 `case_changed`"),
    outcome: z.string().max(100).optional().describe("The decision's outcome code (draftDecision)"),
    reasons: z.string().max(20000).optional().describe("The decision's reasons (draftDecision)"),
    documentCodes: z
      .array(z.string().max(100))
      .max(50)
      .optional()
      .describe("The documents asked for (requestDocuments)"),
    message: z.string().max(5000).optional().describe("A message to the applicant (requestDocuments)"),
    comment: z.string().max(5000).optional().describe("Why a draft decision goes back (returnDecision)"),
    occurredOn: z
      .string()
      .optional()
      .describe("YYYY-MM-DD, when the step is recorded afterwards: not after today (422 `occurred_on`)"),
    dueDate: z
      .string()
      .optional()
      .describe("YYYY-MM-DD: only a case type's own module sets a due date; here it answers 422 `due_date`"),
    record: z
      .string()
      .max(4000)
      .optional()
      .describe(
        "The written record of an outcome, for steps a case type's own module takes (a departure, a removal)",
      ),
    answers: z
      .record(z.string().max(100), z.unknown())
      .refine((answers) => Object.keys(answers).length <= 20, "at most 20 answers")
      .optional()
      .describe(
        "The answers the step asks, by name, as the case type's definition declares them (listed in " +
          "`nextSteps[].answers` of the case): a choice is one of its values, e.g. a return order's " +
          'departure asks `{ "assistanceReceived": "yes" }`. An answer the step does not ask answers 422 ' +
          "`step_answer_unknown`, a required one missing 422 `step_answer_required`, a value outside the " +
          "choices 422 `step_answer_choice`; each names the answer in `details.field` " +
          "(`answers.assistanceReceived`).",
      ),
    assistanceReceived: z
      .string()
      .max(100)
      .optional()
      .meta({ deprecated: true })
      .describe(
        "Deprecated: send `answers.assistanceReceived`. Kept as its alias; both with different values " +
          "answer 422 `step_answer_conflict`",
      ),
  })
  .strict();

export const caseStepSchema = {
  tags: ["Cases"],
  summary: "Take a step on a case (staff)",
  description:
    "Moves a case on as the case file's buttons do (start the review, draft, approve, return or issue " +
    "the decision), with the same checks: the step's permission (`cases.process`, `cases.approve`) and " +
    "the type's read permission (403), the step must start from the case's state (409 " +
    "`transition_not_allowed`), its guards must hold (422 `guard_fourEyes` when the approver drafted " +
    "the decision, `guard_documentsComplete`...), a case on hold answers 409 `case_on_hold`. A step of a " +
    "type whose own page takes its steps (a return order) answers 409 `transition_on_actions_page`. " +
    "A step the type does not have answers 422 `unknown_transition`. Needs a staff session (CSRF token " +
    `in \`x-csrf-token\`). ${limits}`,
  params: z.object({ id: caseId, transition: z.string().min(1).max(100).describe("The step's name") }),
  body: caseStepBody.optional(),
  response: {
    200: caseStatusSchema.extend(stepsOfCase).describe("The case after the step"),
    ...errorResponses,
  },
};
