import { z } from "zod";
import { documentStatuses } from "../../records.js";
import { legalDate } from "../form-fields.js";

export const statusFormFields = ["to", "onDate"] as const;

/** The status form on a document's page: the next status and the legal date it took effect. */
export const statusFormSchema = z.object({
  to: z.enum(documentStatuses, "policyStrategies.errors.statusRequired"),
  onDate: legalDate("policyStrategies.errors.dateInvalid"),
});
