import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { PaymentProvider } from "../../../platform/payments/index.js";
import type { CasesModule } from "../module.js";

/** What the applicant e-services need, wired by the composition root (app.ts). */
export interface PortalServices {
  cases: CasesModule;
  /** The encrypted document store uploads go to. */
  documents: Documents;
  /** The payment provider; undefined where none is configured (outside demo mode, for now). */
  payments: PaymentProvider | undefined;
  /** Translations in a language other than the request's: e-mails, decision documents. */
  i18n: I18n;
}
