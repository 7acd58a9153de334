import type { Documents } from "../../platform/files/index.js";
import type { I18n } from "../../platform/http/index.js";
import type { CasesModule } from "../cases/index.js";
import type { EnforcementModule } from "./module.js";

/** What the watch-list and hold pages use: the lists, the case engine (holds live on cases), translations. */
export interface EnforcementServices {
  enforcement: EnforcementModule;
  cases: CasesModule;
  i18n: I18n;
  /** Where the decisions extending a detention are stored (encrypted). */
  documents: Documents;
}
