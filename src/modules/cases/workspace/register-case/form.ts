import { z } from "zod";
import { type FormValues, formValuesOf } from "../../portal/form-values.js";

export const registerTypeParams = z.object({ typeCode: z.string().regex(/^[a-z][a-z0-9-]*$/) });
export type RegisterTypeParams = { Params: z.output<typeof registerTypeParams> };

/** Inputs of the registration form that are not answers. */
const controlNames = ["_csrf", "_shown", "_key", "action"];

export interface PostedRegistration {
  values: FormValues;
  /** The questions the form showed (a question an answer revealed is shown before anything is registered). */
  shown: string[];
  /** One per form shown: sending the form twice registers one case. */
  key: string | undefined;
  /** `register`, or `add:<group>` / `remove:<group>:<index>` for repeated groups. */
  action: string;
}

export function readPostedRegistration(body: unknown): PostedRegistration {
  const posted = formValuesOf(body);
  const shownRaw = typeof body === "object" && body !== null ? (body as Record<string, unknown>)._shown : [];
  return {
    values: Object.fromEntries(Object.entries(posted).filter(([name]) => !controlNames.includes(name))),
    shown: (Array.isArray(shownRaw) ? shownRaw : [shownRaw]).filter(
      (name): name is string => typeof name === "string",
    ),
    key: posted._key && posted._key.length <= 200 ? posted._key : undefined,
    action: posted.action ?? "register",
  };
}
