import type { FastifyRequest } from "fastify";
import type { readAuditChainStatus } from "../audit-chain-status.js";
import { actorLabel, formatAuditTime, formatNumber, presentAnchorCheck } from "../audit-presenter.js";
import type { AuditVerificationReport } from "../verify-audit-trail.js";

type ChainStatus = Awaited<ReturnType<typeof readAuditChainStatus>>;

/** How far the chain is sealed and anchored, and the last verification anyone ran. */
export function chainStatusView(request: FastifyRequest, status: ChainStatus) {
  const { t, locale } = request;
  const last = status.lastVerification;
  return {
    status: {
      totalRecords: formatNumber(status.totalRecords, locale),
      sealedUpTo: formatNumber(status.sealedUpTo, locale),
      pending: formatNumber(status.pending, locale),
      lastSealedAt: status.lastSealedAt ? formatAuditTime(status.lastSealedAt, locale) : null,
    },
    anchor: status.anchor ? presentAnchorCheck(status.anchor, t, locale) : null,
    lastVerification: last
      ? {
          time: formatAuditTime(last.at, locale),
          by: actorLabel(last, t),
          ok: last.ok,
          problems: formatNumber(last.problems, locale),
          sealedUpTo: formatNumber(last.sealedUpTo, locale),
        }
      : null,
  };
}

/** The outcome of the verification just run: the problems found, each at its record. */
export function verificationView(request: FastifyRequest, verification: AuditVerificationReport) {
  const { t, locale } = request;
  return {
    ok: verification.ok,
    checkedRecords: formatNumber(verification.checkedRecords, locale),
    sealedUpTo: formatNumber(verification.sealedUpTo, locale),
    pending: formatNumber(verification.pending, locale),
    // A failed anchor check is one more problem, shown without a record link.
    problemCount: formatNumber(
      verification.problemCount + (verification.anchor && !verification.anchor.ok ? 1 : 0),
      locale,
    ),
    anchor: verification.anchor ? presentAnchorCheck(verification.anchor, t, locale) : null,
    shownCount: verification.problems.length,
    problems: verification.problems.map((problem) => ({
      recordId: problem.recordId,
      text: t(`audit.problems.${problem.kind}`),
    })),
  };
}
