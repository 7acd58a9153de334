import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, NotFoundError } from "../../../../../platform/errors/index.js";
import { readMultipartForm } from "../../../../../platform/files/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { extractVariables } from "../../extract/extract-variables.js";
import { applyForResearchData } from "../../operations/apply-for-research-data.js";
import { downloadResearchExtract } from "../../operations/download-research-extract.js";
import { viewOwnResearchApplication } from "../../operations/view-research-application.js";
import { researcherOf } from "../../research-access.js";
import { ownApplicationPath } from "../../research-notices.js";
import { listOwnApplications } from "../../research-repository.js";
import type { ResearchServices } from "../../research-services.js";
import {
  listOf,
  requireResearcher,
  researchContextFor,
  textOf,
  uuidPattern,
} from "../research-page-context.js";
import { applicationForm } from "./application-form.js";

const views = "policy/research/pages/applications";
type Id = { Params: { id: string } };

/** Applications per account and hour: plenty for a researcher, too few to flood the officer. */
const applicationRateLimit = {
  max: 10,
  timeWindow: "1 hour",
  hook: "preHandler" as const,
  keyGenerator: (request: FastifyRequest) =>
    request.principal ? `research-application:${request.principal.userId}` : `ip:${request.ip}`,
};

interface FormState {
  values: Record<string, string>;
  variables: string[];
  errors: FieldError[];
  byField: Record<string, string>;
}

function renderNew(request: FastifyRequest, reply: FastifyReply, state: FormState) {
  const { t } = request;
  return reply.render(`${views}/new.njk`, {
    title: t("research.applications.new"),
    values: state.values,
    variableItems: extractVariables.map((variable) => ({
      value: variable,
      text: t(`research.variables.${variable}.name`),
      hint: { text: t(`research.variables.${variable}.hint`) },
      checked: state.variables.includes(variable),
    })),
    errors: state.errors,
    errorsByField: state.byField,
  });
}

async function submit(services: ResearchServices, request: FastifyRequest, reply: FastifyReply) {
  const upload = await readMultipartForm(request, services.documents);
  const values = Object.fromEntries(
    ["title", "purpose", "institution", "fromMonth", "toMonth"].map((name) => [
      name,
      textOf(upload.fields, name),
    ]),
  );
  const variables = listOf(upload.fields, "variables");
  const form = parseForm(applicationForm, { ...values, variables }, request.t);
  const ethics = upload.files.find((file) => file.fieldName === "ethics");
  const refused = upload.refused.find((file) => file.fieldName === "ethics");
  const fileError = refused
    ? request.t(refused.error.messageKey)
    : ethics
      ? null
      : request.t("research.errors.ethics");
  if (!form.ok || fileError) {
    const state: FormState = {
      values,
      variables,
      errors: form.ok ? [] : form.errors,
      byField: form.ok ? {} : form.byField,
    };
    if (fileError) {
      state.errors.push({ field: "ethics", href: "#ethics", text: fileError });
      state.byField.ethics = fileError;
    }
    return renderNew(request, reply.status(refused ? refused.error.status : 422), state);
  }
  const file = ethics as NonNullable<typeof ethics>;
  const application = await applyForResearchData(researchContextFor(services, request), {
    ...form.data,
    ethics: { documentId: file.document.id, fileName: file.declaredName },
  });
  upload.keep();
  return reply.redirect(`${ownApplicationPath(application.id)}?sent=1`, 303);
}

async function renderApplication(
  services: ResearchServices,
  request: FastifyRequest<Id>,
  reply: FastifyReply,
  error?: DomainError,
) {
  const { t } = request;
  if (!uuidPattern.test(request.params.id)) throw new NotFoundError("research_application_not_found");
  const { application, release } = await viewOwnResearchApplication(
    researchContextFor(services, request),
    request.params.id,
  );
  const now = services.clock.now().toISOString();
  const errorText = error ? t(error.messageKey) : null;
  return reply.header("cache-control", "private, no-store").render(`${views}/application.njk`, {
    title: application.title,
    application,
    release,
    downloadable: Boolean(release && !release.downloadedAt && release.expiresAt > now),
    expired: Boolean(release && !release.downloadedAt && release.expiresAt <= now),
    sent: textOf(request.query, "sent") === "1",
    variableNames: (names: string[] | null) =>
      (names ?? []).map((name) => t(`research.variables.${name}.name`)).join(", "),
    errors: errorText ? [{ field: "download", href: "#download", text: errorText }] : [],
    errorText,
  });
}

/** The researcher's pages: their applications, the application form, each application and its download. */
export function registerApplicationPages(app: FastifyInstance, services: ResearchServices): void {
  const page = { preHandler: requireResearcher(services), schema: { hide: true } };
  app.get("/research/applications", page, async (request, reply) => {
    const researcher = researcherOf(researchContextFor(services, request));
    return reply.render(`${views}/list.njk`, {
      title: request.t("research.applications.title"),
      applications: await listOwnApplications(services.db, researcher.userId),
    });
  });
  app.get("/research/applications/new", page, async (request, reply) =>
    renderNew(request, reply, { values: {}, variables: [], errors: [], byField: {} }),
  );
  app.post(
    "/research/applications",
    { ...page, config: { rateLimit: applicationRateLimit } },
    async (request, reply) => submit(services, request, reply),
  );
  app.get<Id>("/research/applications/:id", page, async (request, reply) =>
    renderApplication(services, request, reply),
  );
  app.post<Id>("/research/applications/:id/extract", page, async (request, reply) => {
    if (!uuidPattern.test(request.params.id)) throw new NotFoundError("research_application_not_found");
    try {
      const extract = await downloadResearchExtract(researchContextFor(services, request), request.params.id);
      return reply
        .header("cache-control", "private, no-store")
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${extract.fileName}"`)
        .send(extract.csv);
    } catch (error) {
      if (!(error instanceof DomainError) || ![409, 410].includes(error.status)) throw error;
      return renderApplication(services, request, reply.status(error.status), error);
    }
  });
}
