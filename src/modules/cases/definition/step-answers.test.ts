import { describe, expect, it } from "vitest";
import { caseTypeProblems } from "../../../../test/support/case-type-problems.js";
import { DomainError } from "../../../platform/errors/index.js";
import { samplePermit } from "../test-support/sample-case-type.js";
import type { CaseTypeInput } from "./case-type.js";
import { CaseTypeRegistry } from "./registry.js";
import { checkStepAnswers, type StepAnswerDefinition } from "./step-answers.js";

const urgent = {
  name: "urgent",
  kind: "choice",
  choices: [
    { value: "yes", label: "cases.answers.yes" },
    { value: "no", label: "cases.answers.no" },
  ],
  label: "cases.stepAnswers.urgent",
};

/** The sample permit, owned by a module's page, whose review step asks `answers`. */
function withAnswers(answers: unknown[], actionsPage: string | null = "/permits/:id"): CaseTypeInput {
  const transitions = samplePermit.transitions.map((transition) =>
    transition.name === "start-review" ? { ...transition, answers } : transition,
  );
  return { ...samplePermit, transitions, ...(actionsPage ? { actionsPage } : {}) } as CaseTypeInput;
}

describe("the answers a transition declares", () => {
  it("are none by default, and a yes/no choice with its translation keys is valid", () => {
    const registry = new CaseTypeRegistry([withAnswers([urgent])]);
    const definition = registry.get(samplePermit.code, samplePermit.version);
    const review = definition.transitions.find((one) => one.name === "start-review");
    expect(review?.answers).toEqual([{ ...urgent, required: true }]);
    expect(definition.transitions.find((one) => one.name !== "start-review")?.answers).toEqual([]);
  });

  it("refuses an unknown kind, a choice without two values, labels that are no translation keys", () => {
    expect(caseTypeProblems(withAnswers([{ ...urgent, kind: "number" }]))).toContain(
      "transitions.0.answers.0",
    );
    expect(caseTypeProblems(withAnswers([{ ...urgent, choices: [urgent.choices[0]] }]))).toContain(
      "answers.0.choices",
    );
    expect(caseTypeProblems(withAnswers([{ ...urgent, label: "Urgent?" }]))).toContain(
      "translation key of the locale files",
    );
    expect(caseTypeProblems(withAnswers([{ ...urgent, other: true }]))).toContain("other");
  });

  it("refuses repeated names and choices, and answers on a type without its own page", () => {
    expect(caseTypeProblems(withAnswers([urgent, urgent]))).toContain(
      "transition start-review: answer names must be unique",
    );
    expect(
      caseTypeProblems(withAnswers([{ ...urgent, choices: [urgent.choices[0], urgent.choices[0]] }])),
    ).toContain("answer urgent repeats a choice");
    expect(caseTypeProblems(withAnswers([urgent], null))).toContain(
      "transition start-review: step answers need the type's own page (actionsPage)",
    );
  });
});

describe("checking the answers given with a step", () => {
  const declared: StepAnswerDefinition[] = [
    { ...urgent, kind: "choice", required: true },
    { ...urgent, kind: "choice", name: "remark", required: false },
  ];
  const refusal = (given: Record<string, unknown>) => {
    try {
      checkStepAnswers(declared, given);
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, status: error.status, field: error.details?.field };
    }
  };

  it("keeps the declared answers given, and leaves out an optional one not given", () => {
    expect(checkStepAnswers(declared, { urgent: "no" })).toEqual({ urgent: "no" });
    expect(checkStepAnswers(declared, { urgent: "yes", remark: "no" })).toEqual({
      urgent: "yes",
      remark: "no",
    });
    expect(checkStepAnswers([], {})).toEqual({});
  });

  it("refuses an undeclared answer, a missing required one and a value outside the choices", () => {
    expect(refusal({ urgent: "yes", other: "yes" })).toEqual({
      code: "step_answer_unknown",
      status: 422,
      field: "answers.other",
    });
    expect(refusal({ remark: "yes" })).toEqual({
      code: "step_answer_required",
      status: 422,
      field: "answers.urgent",
    });
    expect(refusal({ urgent: "" })).toMatchObject({ code: "step_answer_required" });
    expect(refusal({ urgent: "maybe" })).toEqual({
      code: "step_answer_choice",
      status: 422,
      field: "answers.urgent",
    });
    expect(refusal({ urgent: true })).toMatchObject({ code: "step_answer_choice" });
  });

  it("uses the declared message when a required answer is missing", () => {
    try {
      checkStepAnswers([{ ...declared[0], requiredMessage: "cases.stepAnswers.urgentMissing" } as never], {});
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ messageKey: "cases.stepAnswers.urgentMissing" });
    }
  });
});
