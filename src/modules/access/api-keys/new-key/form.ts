import { z } from "zod";
import { safeName } from "../../../../platform/http/index.js";

/** A group of checkboxes arrives as nothing, one string or several strings. */
export const checkedValues = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);

export const expiryChoices = ["30", "90", "365", "never"] as const;

/** A key's name follows the rules of every other name: no characters that disguise how it reads. */
export const newApiKeyForm = z.object({
  name: safeName({
    max: 100,
    required: "apiKeys.errors.nameRequired",
    hidden: "apiKeys.errors.nameHidden",
    tooLong: "apiKeys.errors.nameTooLong",
  }),
  scopes: checkedValues.pipe(z.array(z.string()).min(1, "apiKeys.errors.scopeRequired")),
  expiry: z.enum(expiryChoices, "apiKeys.errors.expiryRequired"),
});
