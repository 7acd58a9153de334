import { checkText } from "../../../../platform/http/index.js";

/** Messages are between 1 and 4000 characters (the engine's rule), counted after trimming. */
export const maxMessageLength = 4000;

const messageProblemKeys = {
  notText: "portal.status.errors.messageRequired",
  empty: "portal.status.errors.messageRequired",
  invisibleOnly: "portal.status.errors.messageRequired",
  hiddenCharacters: "portal.status.errors.messageHidden",
  tooLong: "portal.status.errors.messageTooLong",
} as const;

/** The free-text rules every text input follows, with the message form's own wording. */
export function messageProblem(message: string): string | undefined {
  const checked = checkText(message, { maxLength: maxMessageLength, multiline: true });
  if (checked.problem !== undefined) return messageProblemKeys[checked.problem];
  // The engine counts UTF-16 units, so a text of many emoji is measured the same way here.
  return message.length > maxMessageLength ? messageProblemKeys.tooLong : undefined;
}
