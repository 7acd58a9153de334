import { z } from "zod";
import { uuid } from "../ids.js";
import { caseParams } from "../page-options.js";

/** The address of a workflow action on a case: `/cases/:id/actions/:transition`. */
export const transitionParams = caseParams.extend({ transition: z.string() });
export type TransitionParams = { Params: z.output<typeof transitionParams> };

/** The address of one representation of a case: `/cases/:id/representatives/:representativeId/end`. */
export const representativeParams = caseParams.extend({ representativeId: uuid });
export type RepresentativeParams = { Params: z.output<typeof representativeParams> };
