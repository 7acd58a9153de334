import { z } from "zod";
import { caseParams } from "../page-options.js";

/** The address of a decision document in one language. */
export const documentParams = caseParams.extend({ language: z.string() });
