import type { FastifyRequest } from "fastify";
import { noticeOf } from "../case-heading.js";
import { caseTypesOpenTo } from "../case-types-open-to.js";
import { listOwnApplications } from "../list-own-applications.js";
import type { PortalServices } from "../portal-services.js";

/** The applicant's dashboard: their applications, drafts apart, and what they may apply for. */
export async function presentDashboard(request: FastifyRequest, services: PortalServices) {
  const { cases } = services;
  const locale = request.locale;
  const rows = (await listOwnApplications(cases.contextFor(request))).map((application) => {
    const definition = cases.registry.get(application.typeCode, application.typeVersion);
    return {
      ...application,
      typeName: definition.name[locale],
      stateLabel: application.manualCheck
        ? request.t("portal.status.manualCheck")
        : (definition.states[application.state]?.label[locale] ?? application.state),
    };
  });
  return {
    title: request.t("portal.dashboard.title"),
    showGuests: rows.some((row) => row.guestName),
    submitted: rows.filter((row) => row.category !== "draft"),
    drafts: rows.filter((row) => row.category === "draft"),
    caseTypes: caseTypesOpenTo(request, services).map((definition) => ({
      code: definition.code,
      name: definition.name[locale],
      summary: definition.summary[locale],
    })),
    canRegisterGuests: request.principal?.permissions.has("portal.register_guests") ?? false,
    notice: noticeOf(request),
  };
}
