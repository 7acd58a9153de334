import { beforeAll, describe, expect, it } from "vitest";
import { sourceRoot } from "../../../app.js";
import { createI18n, type I18n } from "../../../platform/http/index.js";
import { caseTypeSchema } from "../definition/case-type.js";
import { answerProblemText, fieldOfPath } from "./answer-problem-text.js";
import { portalSample } from "./portal-test-bed.js";

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n(sourceRoot);
});

const fields = caseTypeSchema.parse(portalSample).form.flatMap((page) => page.fields);
const say = (
  locale: "az" | "en" | "ru",
  field: string,
  messageKey: string,
  values?: Record<string, string>,
) =>
  answerProblemText(i18n.t(locale), locale, fieldOfPath(fields, field), {
    field,
    messageKey,
    ...(values ? { values } : {}),
  });

describe("a problem with an answer, in words that name the question", () => {
  it("says what to do with which question, the label lower-cased only inside an English sentence", () => {
    expect(say("en", "fullName", "cases.answers.required")).toBe("Enter full name");
    expect(say("en", "birthDate", "cases.answers.datePast")).toBe(
      "Date of birth must be today or in the past",
    );
    expect(say("en", "ground", "cases.answers.required")).toBe("Select an answer to “Why do you apply”");
    expect(say("ru", "fullName", "cases.answers.required")).toBe("Заполните поле «Full name (ru)»");
    expect(say("az", "citizenship", "cases.answers.required")).toBe(
      "«Citizenship (az)» sahəsində dəyər seçin",
    );
  });

  it("quotes the question's own limits and numbers the entries of a repeating group", () => {
    expect(say("en", "months", "cases.answers.tooLarge")).toBe("Months of stay must be 60 or less");
    expect(say("en", "relatives.1.relativeBirthDate", "cases.answers.date")).toBe(
      "Relative's date of birth (2) must be a real date",
    );
    expect(say("en", "relatives", "cases.answers.tooFewItems")).toBe("Relative: add at least 1");
  });

  it("still names the question for a kind of problem it has no sentence for", () => {
    expect(say("en", "birthDate", "cases.answers.dateTooLate", { date: "2026-05-29" })).toBe(
      "Date of birth: Enter a date on or before 2026-05-29",
    );
    expect(say("en", "unknownQuestion", "cases.answers.required")).toBe("Answer this question");
  });
});
