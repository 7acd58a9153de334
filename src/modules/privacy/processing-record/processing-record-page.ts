import type { FastifyReply, FastifyRequest } from "fastify";
import { isLocale, type Locale } from "../../../platform/http/index.js";
import type { RetentionServices } from "../retention/retention-services.js";
import { buildProcessingRecord } from "./processing-record.js";

/** GET /privacy/processing-record: the record of processing activities, in the reader's language. */
export async function showProcessingRecordPage(
  services: RetentionServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const locale: Locale = isLocale(request.locale) ? request.locale : "az";
  const record = await buildProcessingRecord(services, locale, request.t);
  return reply.render("privacy/processing-record/views/processing-record.njk", {
    title: request.t("privacy.processing.title"),
    record,
  });
}
