import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseTypeProblems } from "../../../../../test/support/case-type-problems.js";
import type { CaseTypeInput } from "../../../cases/index.js";
import { returnOrder } from "./return-order.js";

type Transition = CaseTypeInput["transitions"][number];

/** The order with its departure step changed. */
function withDeparture(change: (departure: Transition) => Transition): CaseTypeInput {
  return {
    ...returnOrder,
    transitions: returnOrder.transitions.map((one) => (one.name === "record-departure" ? change(one) : one)),
  };
}

function translation(locale: string, key: string): unknown {
  const tree = JSON.parse(readFileSync(new URL(`../locales/${locale}.json`, import.meta.url), "utf8"));
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe("the answers of the return order's steps", () => {
  const departure = returnOrder.transitions.find((one) => one.name === "record-departure");

  it("declares the assistance received with the departure, yes or no, required", () => {
    expect(caseTypeProblems(returnOrder)).toBe("");
    expect(departure?.answers).toEqual([
      expect.objectContaining({
        name: "assistanceReceived",
        kind: "choice",
        required: true,
        choices: [expect.objectContaining({ value: "yes" }), expect.objectContaining({ value: "no" })],
      }),
    ]);
  });

  it("has its labels and message in az, en and ru", () => {
    const keys = (departure?.answers ?? []).flatMap((answer) => [
      answer.label,
      ...(answer.hint ? [answer.hint] : []),
      ...(answer.requiredMessage ? [answer.requiredMessage] : []),
      ...answer.choices.map((choice) => choice.label),
    ]);
    expect(keys.length).toBeGreaterThan(0);
    for (const locale of ["az", "en", "ru"])
      for (const key of keys)
        expect(translation(locale, key), `${locale} ${key}`).toEqual(expect.any(String));
  });

  it("counts in the statistics only an answer the voluntary departure's step declares as yes/no", () => {
    expect(caseTypeProblems(withDeparture((one) => ({ ...one, answers: [] })))).toContain(
      "statistics: assistanceReceived assistanceReceived is not an answer of step record-departure",
    );
    const notYesNo = withDeparture((one) => ({
      ...one,
      answers: (one.answers ?? []).map((answer) => ({
        ...answer,
        choices: [
          { value: "full", label: "returnOrders.page.yes" },
          { value: "none", label: "returnOrders.page.no" },
        ],
      })),
    }));
    expect(caseTypeProblems(notYesNo)).toContain("of step record-departure is not a yes/no choice");
  });
});
