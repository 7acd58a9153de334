import type { FastifyInstance } from "fastify";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { type EmailRequestPage, sendEmailRequest, showEmailRequest, showEmailSent } from "./handler.js";

/**
 * A page that asks for an e-mail address and sends a link to it (a password reset, the
 * verification link again): the form, its errors with the typed address kept, then a
 * confirmation page that says the same for every address.
 */
export function registerEmailRequestPage(app: FastifyInstance, page: EmailRequestPage): void {
  app.get(page.path, { schema: hidden }, (_request, reply) => showEmailRequest(page, reply));
  app.post(page.path, { schema: hidden, config: perAddressLimit }, (request, reply) =>
    sendEmailRequest(page, request, reply),
  );
  app.get(`${page.path}/sent`, { schema: hidden }, (request, reply) => showEmailSent(page, request, reply));
}
