import { NotFoundError } from "../../../../platform/errors/index.js";
import { legalToday } from "../../strategies/strategies-module.js";
import { type ConsultationContext, existingConsultation } from "../consultation-access.js";
import { sectionCodes } from "../draft-sections.js";
import {
  type Consultation,
  type ConsultationComment,
  lastDayOf,
  rejectionReasons,
  standingOn,
} from "../records.js";
import { countComments, listComments } from "../repository.js";

export interface ConsultationReport {
  consultation: Consultation;
  closed: boolean;
  period: { from: string; to: string };
  counts: {
    received: number;
    verified: number;
    pending: number;
    published: number;
    rejected: number;
    answered: number;
    rejectedByReason: Array<{ reason: (typeof rejectionReasons)[number]; count: number }>;
  };
  /** Verified comments per section named, in the text's order; `null` for comments on the whole draft. */
  perSection: Array<{ section: string | null; count: number }>;
  published: Array<
    Pick<ConsultationComment, "id" | "displayName" | "sectionCode" | "text" | "createdAt" | "answer">
  >;
}

function perSectionOf(consultation: Consultation, comments: ConsultationComment[]) {
  const counts = new Map<string | null, number>();
  for (const comment of comments) counts.set(comment.sectionCode, (counts.get(comment.sectionCode) ?? 0) + 1);
  const order = [null, ...sectionCodes(consultation.text.az)];
  return order.map((section) => ({ section, count: counts.get(section) ?? 0 }));
}

/**
 * The consultation report: what was received, verified, published, rejected (by reason) and
 * answered, the comments per section, and each published comment with its answer. The public
 * reads it once the consultation has closed; policy officers at any time.
 */
export async function readConsultationReport(
  context: ConsultationContext,
  id: string,
): Promise<ConsultationReport> {
  const consultation = await existingConsultation(context, id);
  const closed = standingOn(consultation, legalToday(context)) === "closed";
  if (!closed && !context.principal?.permissions.has("policy.manage"))
    throw new NotFoundError("consultation_report_not_published");
  const [rows, comments] = await Promise.all([countComments(context.db, id), listComments(context.db, id)]);
  const sum = (keep: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(keep).reduce((total, row) => total + row.count, 0);
  const published = comments.filter((comment) => comment.status === "published");
  return {
    consultation,
    closed,
    period: { from: consultation.opensOn, to: lastDayOf(consultation) },
    counts: {
      received: sum(() => true),
      verified: sum((row) => row.status !== "unverified"),
      pending: sum((row) => row.status === "pending"),
      published: sum((row) => row.status === "published"),
      rejected: sum((row) => row.status === "rejected"),
      answered: sum((row) => row.status === "published" && row.answered),
      rejectedByReason: rejectionReasons.map((reason) => ({
        reason,
        count: sum((row) => row.status === "rejected" && row.reason === reason),
      })),
    },
    perSection: perSectionOf(consultation, comments),
    published: published.map(({ id, displayName, sectionCode, text, createdAt, answer }) => ({
      id,
      displayName,
      sectionCode,
      text,
      createdAt,
      answer,
    })),
  };
}
