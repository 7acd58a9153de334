import { hasUnstorableCharacters } from "../../../platform/http/index.js";

/**
 * The rules every text answer follows, whichever channel it came by (portal form, JSON API, CSV
 * file): it is a string (an object or a list is never turned into "[object Object]"), it holds no
 * control characters (a line break only where the question takes several lines), no characters
 * that reorder how text is shown (bidirectional overrides and isolates, used to disguise a name),
 * and it is more than invisible characters (zero-width spaces, fillers).
 */

/** C0 and C1 control characters (tab, line feed and carriage return are let through in several lines). */
const controlCharacter = /\p{Cc}/u;
const lineBreaks = /[\t\n\r]/g;

/** Bidirectional embeddings, overrides and isolates (the marks LRM, RLM and ALM stay allowed). */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * What is left when white space, format characters (zero-width space and joiners, marks, the
 * byte order mark, soft hyphen) and the blank "letters" (Hangul fillers, braille blank, the
 * combining grapheme joiner) are taken away: nothing means the answer only looks filled in.
 */
const invisible = /[\s\p{Cf}\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]|\u034F/gu;

type TextProblem =
  | "cases.answers.text"
  | "cases.answers.controlCharacters"
  | "cases.answers.invisibleOnly"
  | "cases.answers.tooLong";

interface TextRules {
  /** Line breaks and tabs allowed (a textarea). */
  multiline?: boolean;
  maxLength: number;
}

/** A string answer trimmed, or why it is refused; `empty` when nothing was typed at all. */
export function checkText(
  raw: unknown,
  rules: TextRules,
): { value: string; problem?: undefined } | { problem: TextProblem | "empty"; value?: undefined } {
  if (typeof raw !== "string") return { problem: "cases.answers.text" };
  const value = raw.trim();
  if (value === "") return { problem: "empty" };
  if (
    hasUnstorableCharacters(value) ||
    controlCharacter.test(rules.multiline ? value.replace(lineBreaks, "") : value) ||
    bidiControl.test(value)
  ) {
    return { problem: "cases.answers.controlCharacters" };
  }
  if (value.replace(invisible, "") === "") return { problem: "cases.answers.invisibleOnly" };
  if ([...value].length > rules.maxLength) return { problem: "cases.answers.tooLong" };
  return { value };
}
