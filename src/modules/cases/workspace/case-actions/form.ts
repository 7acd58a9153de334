import { z } from "zod";
import { caseParams } from "../page-options.js";

/** The address of a workflow action on a case: `/cases/:id/actions/:transition`. */
export const transitionParams = caseParams.extend({ transition: z.string() });
export type TransitionParams = { Params: z.output<typeof transitionParams> };
