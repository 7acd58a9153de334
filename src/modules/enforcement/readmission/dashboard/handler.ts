import type { FastifyReply, FastifyRequest } from "fastify";
import { listReadmissionRequests } from "../operations/list-requests.js";
import { dueText, nextDeadline, partnerName, privatePage, shownDate } from "../page-values.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { type ReadmissionRequest, requestStatuses } from "../request-record.js";
import { approachingDays, daysLeft } from "../time-limits.js";

/** Transfers are watched longer ahead than replies: a transfer takes arranging with the partner. */
const transferWatchDays = 14;

function byPartnerAndStatus(request: FastifyRequest, requests: ReadmissionRequest[]) {
  const partners = [...new Set(requests.map((one) => one.partnerState))].sort();
  return partners.map((partner) => ({
    partner: partnerName(request, partner),
    counts: requestStatuses.map(
      (status) => requests.filter((one) => one.partnerState === partner && one.status === status).length,
    ),
  }));
}

function row(request: FastifyRequest, today: string, one: ReadmissionRequest, due?: string) {
  return {
    id: one.id,
    reference: one.reference,
    direction: request.t(`readmission.direction.${one.direction}`),
    partner: partnerName(request, one.partnerState),
    person: one.person.fullName,
    status: request.t(`readmission.status.${one.status}`),
    due: due ? dueText(request, today, due) : "",
    deemedOn: shownDate(request, one.deemedAgreedOn),
  };
}

/** GET /readmission: requests by partner and status, deadlines approaching, deemed agreements, transfers due. */
export async function showDashboard(module: ReadmissionModule, request: FastifyRequest, reply: FastifyReply) {
  const requests = await listReadmissionRequests(module.contextFor(request));
  const today = module.today();
  const approaching = requests
    .map((one) => ({ one, next: nextDeadline(one) }))
    .filter(({ next }) => next && next.kind !== "transfer" && daysLeft(today, next.due) <= approachingDays)
    .map(({ one, next }) => ({
      ...row(request, today, one, next?.due),
      what: request.t(`readmission.deadline.${next?.kind}`),
    }));
  const transfers = requests
    .filter((one) => one.transferDue && ["agreed", "deemed_agreed", "transfer_arranged"].includes(one.status))
    .filter((one) => daysLeft(today, one.transferDue as string) <= transferWatchDays)
    .map((one) => ({
      ...row(request, today, one, one.transferDue ?? undefined),
      transferOn: shownDate(request, one.transferOn),
    }));
  return privatePage(reply).render("enforcement/readmission/dashboard/dashboard.njk", {
    title: request.t("readmission.dashboard.title"),
    statuses: requestStatuses.map((status) => request.t(`readmission.status.${status}`)),
    byPartner: byPartnerAndStatus(request, requests),
    approaching,
    deemed: requests
      .filter((one) => one.deemedAgreedOn && one.status !== "completed")
      .map((one) => row(request, today, one)),
    transfers,
    all: requests.map((one) => row(request, today, one)),
  });
}
