import { z } from "zod";
import { caseParams } from "../page-options.js";

/** The address of one document of the case (document ids are the store's own, not UUIDs). */
export const documentParams = caseParams.extend({ documentId: z.string() });
