import type { CaseTypeInput } from "../cases/index.js";
import { permanentResidencePermit } from "./case-types/permanent-residence-permit.js";
import { stayExtension } from "./case-types/stay-extension.js";
import { stayRegistration } from "./case-types/stay-registration.js";
import { temporaryResidencePermit } from "./case-types/temporary-residence-permit.js";
import { workPermit } from "./case-types/work-permit.js";

/** The permit and registration procedures of the Migration Code, as case types of the case engine. */
export const caseTypeDefinitions: CaseTypeInput[] = [
  stayRegistration,
  stayExtension,
  temporaryResidencePermit,
  permanentResidencePermit,
  workPermit,
];

export { registerPermitApiRoutes } from "./api/stay-registration-api.js";
