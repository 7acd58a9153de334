import type { Documents } from "../../platform/files/index.js";
import type { I18n } from "../../platform/http/index.js";
import type { CasesModule } from "../cases/index.js";

/**
 * What the data subject's rights need, wired by the composition root (app.ts): the case engine
 * (database, mailer, guards, the public address), the document store, translations for e-mails
 * and archives written in the person's language.
 */
export interface PrivacyServices {
  cases: CasesModule;
  documents: Documents;
  i18n: I18n;
}
