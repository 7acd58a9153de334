import type { FastifyRequest } from "fastify";
import { agencyKinds, nameIn } from "../admin-catalogues.js";
import type { AgencyWithUsage } from "../admin-repository.js";

/** The agency form, new (no agency) or of an existing agency, with the values to show. */
export function agencyFormView(
  request: FastifyRequest,
  agency: AgencyWithUsage | null,
  values: Record<string, unknown>,
) {
  return {
    title: agency ? nameIn(request.locale, agency) : request.t("admin.agencyForm.newTitle"),
    agency,
    values,
    kindOptions: [
      { value: "", text: request.t("admin.agencyForm.chooseKind") },
      ...agencyKinds.map((kind) => ({
        value: kind,
        text: request.t(`admin.agencyKinds.${kind}`),
        selected: values.kind === kind,
      })),
    ],
  };
}

/** An agency as the form shows it (a missing region is an empty field). */
export function agencyValues(agency: AgencyWithUsage): Record<string, unknown> {
  return { ...agency, region: agency.region ?? "" };
}
