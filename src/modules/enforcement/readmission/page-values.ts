import type { FastifyReply, FastifyRequest } from "fastify";
import { countryName } from "../../../platform/reference/index.js";
import { formatLongDate } from "../../cases/index.js";
import type { ReadmissionRequest } from "./request-record.js";
import { daysLeft, effectiveReplyDue } from "./time-limits.js";

/** A legal date as the page shows it, or a dash. */
export function shownDate(request: FastifyRequest, date: string | null | undefined): string {
  return date ? formatLongDate(date, request.locale) : "—";
}

export function partnerName(request: FastifyRequest, code: string): string {
  return countryName(code, request.locale);
}

/** A date with how many days are left, for the deadlines the officer watches. */
export function dueText(request: FastifyRequest, today: string, due: string): string {
  const left = daysLeft(today, due);
  const when =
    left < 0
      ? request.t("readmission.due.overdue", { count: -left })
      : left === 0
        ? request.t("readmission.due.today")
        : request.t("readmission.due.left", { count: left });
  return `${shownDate(request, due)} (${when})`;
}

/** The deadline the request waits for now: the reply, the travel document or the transfer. */
export function nextDeadline(request: ReadmissionRequest): { kind: string; due: string } | null {
  if (request.status === "awaiting_reply") return { kind: "reply", due: effectiveReplyDue(request) };
  if (
    (request.status === "agreed" || request.status === "deemed_agreed") &&
    !request.travelDocumentIssuedOn
  ) {
    return request.travelDocumentDue ? { kind: "travelDocument", due: request.travelDocumentDue } : null;
  }
  if (
    request.status === "agreed" ||
    request.status === "deemed_agreed" ||
    request.status === "transfer_arranged"
  ) {
    return request.transferDue ? { kind: "transfer", due: request.transferDue } : null;
  }
  return null;
}

/** Query text, trimmed and bounded. */
export function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim().slice(0, 100) : "";
}

/** Staff pages with personal data are never cached. */
export function privatePage(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "private, no-store");
}
