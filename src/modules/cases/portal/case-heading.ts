import type { FastifyRequest } from "fastify";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";

/** The processing time the law gives a case type ("30 working days"), if it gives one. */
export function legalTimeText(request: FastifyRequest, definition: CaseTypeDefinition): string | undefined {
  const time = definition.legalTime;
  if (!time) return undefined;
  return request.t(time.unit === "working" ? "portal.legalTime.working" : "portal.legalTime.calendar", {
    amount: time.amount,
  });
}

/** The line above every case page's heading: which application this is. */
export function caseCaption(
  request: FastifyRequest,
  state: CaseState,
  definition: CaseTypeDefinition,
): string {
  return `${definition.name[request.locale]} · ${state.number}`;
}

const notices = [
  "saved",
  "uploaded",
  "removed",
  "paid",
  "messageSent",
  "documentsSent",
  "withdrawn",
  "paymentFailed",
  "paymentCancelled",
] as const;
export type PortalNotice = (typeof notices)[number];

/** The banner after an action (`?done=uploaded`), translated; unknown values show nothing. */
export function noticeOf(
  request: FastifyRequest,
): { text: string; title: string; kind: "success" | "problem" } | undefined {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  const notice = notices.find((one) => one === done);
  if (!notice) return undefined;
  const problem = notice === "paymentFailed" || notice === "paymentCancelled";
  return {
    text: request.t(`portal.notices.${notice}`),
    title: request.t(problem ? "portal.notices.problemTitle" : "portal.notices.title"),
    kind: problem ? "problem" : "success",
  };
}

/** A whole-number form field (the case version a page was shown at). */
export function integerField(value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** A text field of a url-encoded body. */
export function textField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" ? text : "";
}
