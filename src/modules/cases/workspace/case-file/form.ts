import { z } from "zod";
import { caseParams } from "../page-options.js";

/** `/cases/:id/:page`: the page is one of the case file's, else the address is not found. */
export const casePageParams = caseParams.extend({ page: z.string() });
export type CasePageParams = { Params: z.output<typeof casePageParams> };
