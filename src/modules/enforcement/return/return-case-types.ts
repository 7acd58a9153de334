import type { CaseTypeInput } from "../../cases/index.js";
import { returnOrder } from "./case-types/return-order.js";

/** The return procedures, as case types of the case engine. */
export const returnCaseTypes: CaseTypeInput[] = [returnOrder];
