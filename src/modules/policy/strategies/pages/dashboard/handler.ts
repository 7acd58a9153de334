import type { FastifyReply, FastifyRequest } from "fastify";
import { type DashboardAction, policyDashboard } from "../../operations/policy-dashboard.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { agenciesById, agencyName, privatePage, shownDate } from "../page-values.js";

/** GET /policy/dashboard: overdue actions first, then those due within 30 days, then progress per document. */
export async function showDashboard(
  module: PolicyStrategiesModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const t = request.t;
  const dashboard = await policyDashboard(module.contextFor(request));
  const agencies = await agenciesById(module.db, [
    ...dashboard.overdue.map((action) => action.responsibleAgencyId),
    ...dashboard.dueSoon.map((action) => action.responsibleAgencyId),
    ...(dashboard.agencyId ? [dashboard.agencyId] : []),
  ]);
  const row = (action: DashboardAction, daysKey: string) => ({
    id: action.id,
    label: `${action.code}. ${action.title}`,
    document: action.documentTitle,
    agency: agencyName(agencies.get(action.responsibleAgencyId), request.locale),
    due: shownDate(request, action.dueOn),
    days: t(daysKey, { count: action.days }),
    percentDone: action.percentDone,
  });
  return privatePage(reply).render("policy/strategies/pages/dashboard/dashboard.njk", {
    title: t("policyStrategies.dashboard.title"),
    ownAgency: dashboard.agencyId ? agencyName(agencies.get(dashboard.agencyId), request.locale) : null,
    overdue: dashboard.overdue.map((action) => row(action, "policyStrategies.dashboard.daysLate")),
    dueSoon: dashboard.dueSoon.map((action) => row(action, "policyStrategies.dashboard.daysLeft")),
    progress: dashboard.progress.map((document) => ({
      ...document,
      status: t(`policyStrategies.status.${document.status}`),
    })),
  });
}
