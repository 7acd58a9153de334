import { z } from "zod";
import type { Transaction } from "../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../platform/errors/index.js";
import type { Locale } from "../../../platform/http/index.js";
import { authorize, type Principal, type ProtectedRecord, recordAudit } from "../../access/index.js";
import {
  type AnswerToCorrect,
  answerToCorrect,
  type CasesContext,
  correctAnswer,
} from "../../cases/index.js";
import type { PrivacyServices } from "../privacy-services.js";
import {
  type CorrectionQuery,
  type CorrectionRequest,
  findCorrectionRequest,
  listCorrectionRequests,
  recordCorrectionAnswer,
} from "./correction-repository.js";
import { mailCorrectionNotice } from "./mail-correction-notice.js";

/** An officer's request context (the routes check they are signed in). */
export type OfficerContext = CasesContext & { principal: Principal };

function originOf(context: OfficerContext) {
  return { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId };
}

function recordOf(request: CorrectionRequest): ProtectedRecord {
  return { entityType: "correction_request", entityId: request.id, agencyId: request.agencyId };
}

/** The agency whose requests an officer sees: their own, or every agency with `scope.all_agencies`. */
function agencyScopeOf(principal: Principal): string | null {
  return principal.permissions.has("scope.all_agencies")
    ? null
    : (principal.agencyId ?? "00000000-0000-0000-0000-000000000000");
}

/** Ids reach SQL only once they are UUIDs: a malformed one is "not found", never a database error. */
const uuid = z.uuid();

/**
 * The correction requests of the officer's agency (`cases.read`), open ones first, found by their
 * number. Listing shows what people say is wrong about them, so it is audited.
 */
export async function listAgencyCorrections(
  context: OfficerContext,
  query: Omit<CorrectionQuery, "agencyId">,
): Promise<{ requests: CorrectionRequest[]; total: number }> {
  await authorize(originOf(context), "cases.read");
  const result = await listCorrectionRequests(context.db, {
    ...query,
    agencyId: agencyScopeOf(context.principal),
  });
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: "correction_request.listed",
    outcome: "success",
    entityType: "correction_request",
    agencyId: context.principal.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { status: query.status, count: result.requests.length },
  });
  return result;
}

/** One request, for an officer of the owning agency (another agency's answers 404, audited). */
export async function viewCorrection(context: OfficerContext, id: string): Promise<CorrectionRequest> {
  const request = uuid.safeParse(id).success ? await findCorrectionRequest(context.db, id) : null;
  if (!request) throw new NotFoundError("correction_not_found");
  await authorize(originOf(context), "cases.read", recordOf(request));
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: "correction_request.viewed",
    outcome: "success",
    entityType: "correction_request",
    entityId: request.id,
    agencyId: request.agencyId,
    ip: context.ip,
    requestId: context.requestId,
  });
  return request;
}

/** The case answer a request is about ("answer:<field>"), or null for any other item. */
function answerFieldOf(request: CorrectionRequest): { caseId: string; field: string } | null {
  const field = request.item.startsWith("answer:") ? request.item.slice("answer:".length) : "";
  return request.caseId && field ? { caseId: request.caseId, field } : null;
}

/**
 * The case answer an open request is about, when an officer can correct it from the request
 * (a single value): its current value, and the value to propose, the one asked for when it reads
 * like a value (one short line), else the current one.
 */
export async function answerToCorrectFor(
  context: OfficerContext,
  request: CorrectionRequest,
  locale: Locale,
): Promise<(AnswerToCorrect & { proposed: string }) | null> {
  const target = answerFieldOf(request);
  if (!target || request.status !== "open") return null;
  const answer = await answerToCorrect(context, target.caseId, target.field, locale);
  if (!answer) return null;
  const asked = request.whatIsRight.trim();
  const proposed = asked.includes("\n") || asked.length > 200 ? answer.current : asked;
  return { ...answer, proposed };
}

/** Records the answer of a request still open, with its audit record. */
async function recordAnswer(
  context: OfficerContext,
  tx: Transaction,
  id: string,
  answer: { outcome: "corrected" | "refused"; reply: string },
): Promise<CorrectionRequest> {
  const stored = await recordCorrectionAnswer(tx, id, {
    status: answer.outcome,
    reply: answer.reply,
    answeredBy: context.principal.userId,
    answeredAt: context.clock.now(),
  });
  if (!stored) throw new CorrectionAnsweredError();
  await recordAudit(tx, {
    actor: { type: "user", id: context.principal.userId },
    action: "correction_request.answered",
    outcome: "success",
    entityType: "correction_request",
    entityId: stored.id,
    agencyId: stored.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { status: stored.status },
  });
  return stored;
}

/** An answer already given cannot be given again: the requester has been told. */
export class CorrectionAnsweredError extends ConflictError {
  constructor() {
    super("correction_already_answered", "privacy.correction.errors.alreadyAnswered");
  }
}

/**
 * An officer of the owning agency (`cases.process`) answers a request: corrected (saying what
 * was changed) or refused with reasons. For a request about a case answer, a corrected `value`
 * is written to the case through the case engine (checked by the question's schema, an event
 * naming the request) in the same transaction as the answer: both happen or neither. Other items
 * are corrected where they live (the account). The answer is audited and the requester told.
 */
export async function answerCorrection(
  services: PrivacyServices,
  context: OfficerContext,
  id: string,
  answer: { outcome: "corrected" | "refused"; reply: string; value?: string | undefined },
): Promise<CorrectionRequest> {
  const request = uuid.safeParse(id).success ? await findCorrectionRequest(context.db, id) : null;
  if (!request) throw new NotFoundError("correction_not_found");
  await authorize(originOf(context), "cases.process", recordOf(request));
  const done: { answered?: CorrectionRequest } = {};
  const record = async (tx: Transaction) => {
    done.answered = await recordAnswer(context, tx, request.id, answer);
  };
  const target = answerFieldOf(request);
  if (target && answer.outcome === "corrected" && answer.value !== undefined)
    await correctAnswer(
      context,
      target.caseId,
      { field: target.field, value: answer.value, correction: request.reference },
      record,
    );
  else await context.db.transaction(record);
  if (!done.answered) throw new Error("correction answer not recorded");
  await mailCorrectionNotice(services, done.answered, "answered");
  return done.answered;
}
