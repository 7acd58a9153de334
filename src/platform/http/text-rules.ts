import { z } from "zod";
import { hasUnstorableCharacters } from "./request-bodies.js";

/**
 * The rules every free-text input follows, whichever module and channel it came by (an
 * applicant's answer, an officer's note, a sign-up name, an agency name): it is a string, it
 * holds no control characters (a line break only where the field takes several lines), no
 * characters that reorder how text is shown (bidirectional overrides and isolates, used to
 * disguise a name), and it is more than invisible characters (zero-width spaces, fillers).
 * A name (of a person, an agency, a file) refuses the direction marks too: nobody's name needs
 * them, and beside digits or a dot they can make "fdp.exe" read as "exe.pdf".
 */

/** C0 and C1 control characters (tab, line feed and carriage return are let through in several lines). */
const controlCharacter = /\p{Cc}/u;
const lineBreaks = /[\t\n\r]/g;

/** Bidirectional embeddings, overrides and isolates (the marks LRM, RLM and ALM stay allowed). */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;

/** The direction marks LRM, RLM and ALM: allowed in free text (right-to-left writing uses them), not in names. */
const directionMark = /[\u200E\u200F\u061C]/;

/**
 * What is left when white space, format characters (zero-width space and joiners, marks, the
 * byte order mark, soft hyphen) and the blank "letters" (Hangul fillers, braille blank, the
 * combining grapheme joiner) are taken away: nothing means the text only looks filled in.
 */
const invisible = /[\s\p{Cf}\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]|\u034F/gu;

type TextProblem = "notText" | "empty" | "hiddenCharacters" | "invisibleOnly" | "tooLong";

export interface TextRules {
  /** Line breaks and tabs allowed (a textarea). */
  multiline?: boolean;
  /** A name: direction marks refused as well. */
  name?: boolean;
  maxLength: number;
}

/** True when the text holds a character that is never allowed in free text (see above). */
export function hasHiddenOrControlCharacters(value: string, multiline = false): boolean {
  return (
    hasUnstorableCharacters(value) ||
    controlCharacter.test(multiline ? value.replace(lineBreaks, "") : value) ||
    bidiControl.test(value)
  );
}

/** True when a name holds a character that is never allowed in free text, or a direction mark. */
export function hasHiddenCharactersForName(value: string): boolean {
  return hasHiddenOrControlCharacters(value) || directionMark.test(value);
}

/** True when nothing is left once white space and invisible characters are taken away. */
export function isInvisibleOnly(value: string): boolean {
  return value.replace(invisible, "") === "";
}

/** The text trimmed, or why it is refused; `empty` when nothing was typed at all. */
export function checkText(
  raw: unknown,
  rules: TextRules,
): { value: string; problem?: undefined } | { problem: TextProblem; value?: undefined } {
  if (typeof raw !== "string") return { problem: "notText" };
  const value = raw.trim();
  if (value === "") return { problem: "empty" };
  const hidden = rules.name
    ? hasHiddenCharactersForName(value)
    : hasHiddenOrControlCharacters(value, rules.multiline);
  if (hidden) return { problem: "hiddenCharacters" };
  if (isInvisibleOnly(value)) return { problem: "invisibleOnly" };
  if ([...value].length > rules.maxLength) return { problem: "tooLong" };
  return { value };
}

interface SafeTextOptions {
  max: number;
  /** A name (see above): direction marks refused as well; one line. */
  name?: boolean;
  multiline?: boolean;
  /** Message key when nothing (or only invisible characters) was typed, or the value is not text. */
  required: string;
  /** Message key for control or bidirectional characters. */
  hidden: string;
  /** Message key when too long; defaults to the `required` key. */
  tooLong?: string;
}

/**
 * A Zod schema for a required free-text field following `checkText`: the output is the trimmed
 * text, and each refusal carries a message key (`parseForm` translates it at the field).
 */
export function safeText(options: SafeTextOptions) {
  return z.unknown().transform((raw, context) => {
    const checked = checkText(raw, {
      maxLength: options.max,
      ...(options.name ? { name: true } : { multiline: options.multiline }),
    });
    if (checked.problem === undefined) return checked.value;
    const message =
      checked.problem === "hiddenCharacters"
        ? options.hidden
        : checked.problem === "tooLong"
          ? (options.tooLong ?? options.required)
          : options.required;
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

/**
 * A required name (a person's, an agency's, a role's): `safeText` that also refuses direction
 * marks; its `hidden` message should say so.
 */
export function safeName(options: Omit<SafeTextOptions, "name" | "multiline">) {
  return safeText({ ...options, name: true });
}
