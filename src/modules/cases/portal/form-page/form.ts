import { z } from "zod";
import type { PageDefinition } from "../../definition/case-type.js";
import { integerField } from "../case-heading.js";
import { type FormValues, formValuesOf } from "../form-values.js";
import { caseParams } from "../page-options.js";

export const formPageParams = caseParams.extend({ pageId: z.string() });

/** Inputs of the form page that are not answers. */
const controlNames = ["_csrf", "_mrz", "_shown", "action", "expectedSeq", "return"];

export interface PostedFormPage {
  values: FormValues;
  /** The questions the form showed (answers to hidden ones are not expected). */
  shown: string[];
  expectedSeq: number | undefined;
  returnTo: "check" | undefined;
  /**
   * `continue`, `later`, `add:<group>` / `remove:<group>:<index>` for repeated groups, or `mrz`
   * to fill the page from a machine-readable zone.
   */
  action: string;
  /** The machine-readable zone typed or scanned into the page, as given. */
  mrz: string;
}

export function readPostedFormPage(body: Record<string, unknown>, page: PageDefinition): PostedFormPage {
  const posted = formValuesOf(body);
  const values = Object.fromEntries(Object.entries(posted).filter(([name]) => !controlNames.includes(name)));
  const shownRaw = body._shown;
  const listed = (Array.isArray(shownRaw) ? shownRaw : [shownRaw]).filter(
    (name): name is string => typeof name === "string",
  );
  return {
    values,
    // A form from elsewhere (no list of what it showed) is taken to have shown every question.
    shown: listed.length > 0 ? listed : page.fields.map((field) => field.name),
    expectedSeq: integerField(body.expectedSeq),
    returnTo: posted.return === "check" ? "check" : undefined,
    action: posted.action ?? "continue",
    mrz: posted._mrz ?? "",
  };
}
