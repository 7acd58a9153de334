import type { FastifyRequest } from "fastify";
import type { PlacementFile } from "../operations/placement-file.js";
import { centreName, longDate } from "../page-helpers.js";

/** The placement's facts, history and time limits as the page shows them. */
export function presentPlacement(request: FastifyRequest, file: PlacementFile) {
  const { t } = request;
  const { placement } = file;
  return {
    id: placement.id,
    running: placement.status === "placed",
    status: t(`detention.status.${placement.status}`),
    standing: file.standing === "ended" ? null : file.standing,
    standingText: file.standing === "ended" ? "" : t(`detention.standing.${file.standing}`),
    person: file.person,
    centre: centreName(request, file.centre),
    legalBasis: placement.legalBasis,
    orderingAuthority: placement.orderingAuthority,
    courtDecisionReference: placement.courtDecisionReference,
    startDate: longDate(request, placement.startDate),
    initialUntil: longDate(request, placement.initialUntil),
    permittedUntil: longDate(request, placement.permittedUntil),
    noticeDate: longDate(request, file.noticeDate),
    releaseDue: longDate(request, file.releaseDue),
    longestExtension: longDate(request, file.longestExtension),
    absoluteLimit: longDate(request, file.absoluteLimit),
    endedOn: longDate(request, placement.endedOn),
    endRecord: placement.endRecord,
    extensions: file.extensions.map((extension) => ({
      from: longDate(request, extension.previousUntil),
      to: longDate(request, extension.newUntil),
      decision: extension.decisionReference,
      decidedBy: extension.decidedBy,
      decidedOn: longDate(request, extension.decidedOn),
      documentName: extension.documentName,
    })),
    reviews: file.reviews.map((review) => ({
      on: longDate(request, review.reviewedOn),
      outcome: t(`detention.outcomes.${review.outcome}`),
      notes: review.notes,
    })),
    alerts: file.alerts.map((alert) => ({
      text: t(`detention.placement.alertSent.${alert.kind}`, { date: longDate(request, alert.forDate) }),
    })),
  };
}
