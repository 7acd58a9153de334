import { z } from "zod";
import { caseParams } from "../page-options.js";

/** The document id is looked up among the case's own documents, so any text answers 404 alike. */
export const documentParams = caseParams.extend({ documentId: z.string() });
export type DocumentParams = { Params: z.output<typeof documentParams> };
