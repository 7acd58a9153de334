import type { FastifyInstance } from "fastify";
import { registerAttachDocumentApi } from "./attach-document/routes.js";
import { registerChooseExpressTierApi } from "./choose-express-tier/routes.js";
import { registerDecisionDocumentApi } from "./decision-documents/routes.js";
import { registerFollowPaymentApi } from "./follow-payment/routes.js";
import type { ApplicationApiDependencies } from "./own-application.js";
import { registerProvideDocumentsApi } from "./provide-documents/routes.js";
import { registerReadApplicationApi } from "./read-application/routes.js";
import { registerRemoveDocumentApi } from "./remove-document/routes.js";
import { registerSaveAnswersApi } from "./save-answers/routes.js";
import { registerSendMessageApi } from "./send-message/routes.js";
import { registerStartApplicationApi } from "./start-application/routes.js";
import { registerStartPaymentApi } from "./start-payment/routes.js";
import { registerSubmitApplicationApi } from "./submit-application/routes.js";

/**
 * The JSON API of an application step by step, as the portal's pages do it: start a draft, save
 * the answers page by page, attach documents, choose express processing, pay, submit; then answer
 * a request for documents, write to the officer and download the decision. For API keys and
 * sessions alike: the CSRF check is skipped for key requests only (by the platform), and every
 * operation checks that the case is the caller's own.
 */
export async function registerApplicationApiRoutes(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): Promise<void> {
  registerStartApplicationApi(app, dependencies);
  registerReadApplicationApi(app, dependencies);
  registerSaveAnswersApi(app, dependencies);
  registerChooseExpressTierApi(app, dependencies);
  registerSubmitApplicationApi(app, dependencies);
  registerAttachDocumentApi(app, dependencies);
  registerRemoveDocumentApi(app, dependencies);
  registerStartPaymentApi(app, dependencies);
  registerFollowPaymentApi(app, dependencies);
  registerProvideDocumentsApi(app, dependencies);
  registerSendMessageApi(app, dependencies);
  registerDecisionDocumentApi(app, dependencies);
}
