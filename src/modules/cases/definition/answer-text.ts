import { checkText as checkPlainText, type TextRules } from "../../../platform/http/index.js";

/**
 * The rules every text answer follows, whichever channel it came by (portal form, JSON API, CSV
 * file), are the platform's free-text rules; this names each refusal with the message key the
 * answers' errors use.
 */

type TextProblem =
  | "cases.answers.text"
  | "cases.answers.controlCharacters"
  | "cases.answers.invisibleOnly"
  | "cases.answers.tooLong";

const problemKeys = {
  notText: "cases.answers.text",
  hiddenCharacters: "cases.answers.controlCharacters",
  invisibleOnly: "cases.answers.invisibleOnly",
  tooLong: "cases.answers.tooLong",
} as const;

/** A string answer trimmed, or why it is refused; `empty` when nothing was typed at all. */
export function checkText(
  raw: unknown,
  rules: TextRules,
): { value: string; problem?: undefined } | { problem: TextProblem | "empty"; value?: undefined } {
  const checked = checkPlainText(raw, rules);
  if (checked.problem === undefined) return { value: checked.value };
  if (checked.problem === "empty") return { problem: "empty" };
  return { problem: problemKeys[checked.problem] };
}
