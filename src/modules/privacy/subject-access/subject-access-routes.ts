import type { FastifyInstance, FastifyRequest } from "fastify";
import { attachmentDisposition } from "../../../platform/files/index.js";
import type { Locale } from "../../../platform/http/index.js";
import type { PrivacyServices } from "../privacy-services.js";
import type { SubjectContext } from "./collect-subject-data.js";
import { requireDataSubject } from "./data-subject-guard.js";
import { downloadOwnArchive } from "./download-own-archive.js";
import { viewOwnCaseData } from "./view-own-case-data.js";
import { viewOwnData } from "./view-own-data.js";

const views = "privacy/subject-access/views";

/** Archives per account and hour: building one reads every document, so it is not free. */
export const archivesPerHour = 5;

/** Counted per account (after the guard has found who it is), so one person cannot starve another. */
const archiveRateLimit = {
  max: archivesPerHour,
  timeWindow: "1 hour",
  hook: "preHandler" as const,
  keyGenerator: (request: FastifyRequest) =>
    request.principal ? `my-data-archive:${request.principal.userId}` : `ip:${request.ip}`,
};

/** The person's own data: the "Your data" page, one case in full, and the archive to download. */
export async function registerSubjectAccessRoutes(
  app: FastifyInstance,
  services: PrivacyServices,
): Promise<void> {
  const { cases } = services;
  const page = { preHandler: requireDataSubject(cases), schema: { hide: true } };
  const contextOf = (request: FastifyRequest) => cases.contextFor(request) as SubjectContext;

  app.get("/account/my-data", page, async (request, reply) => {
    const data = await viewOwnData(contextOf(request), request.locale as Locale, request.t);
    return reply.header("cache-control", "private, no-store").render(`${views}/my-data.njk`, {
      title: request.t("privacy.subjectAccess.title"),
      data,
      roleNames: data.account.roles.map((role) => role.names[request.locale as Locale]),
      answerCounts: data.cases.map((record) =>
        record.answeredPages.reduce((sum, answered) => sum + answered.questions.length, 0),
      ),
      archivesPerHour,
    });
  });

  app.get<{ Params: { id: string } }>("/account/my-data/cases/:id", page, async (request, reply) => {
    const { record, accesses } = await viewOwnCaseData(
      contextOf(request),
      request.params.id,
      request.locale as Locale,
      request.t,
    );
    return reply.header("cache-control", "private, no-store").render(`${views}/my-data-case.njk`, {
      title: request.t("privacy.subjectAccess.case.title", { number: record.number }),
      record,
      accesses,
    });
  });

  app.post(
    "/account/my-data/archive",
    { ...page, config: { rateLimit: archiveRateLimit } },
    async (request, reply) => {
      const archive = await downloadOwnArchive(
        contextOf(request),
        { documents: services.documents, publicUrl: cases.config.publicUrl },
        request.locale as Locale,
        request.t,
      );
      return reply
        .header("content-type", "application/zip")
        .header("content-disposition", attachmentDisposition(archive.fileName))
        .header("content-length", String(archive.content.length))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(archive.content);
    },
  );
}
