import { sql } from "drizzle-orm";
import type { Locale } from "../../../platform/http/index.js";
import { actorOf, type Principal, recordAudit } from "../../access/index.js";
import type { CaseDecision } from "../engine/case-state.js";
import { cases } from "../schema.js";
import { documentHolder } from "./answers-view.js";
import type { Workspace } from "./workspace.js";

/** Verification codes as issued: 8 random bytes in upper-case base64url (11 characters). */
const codePattern = /^[A-Z0-9_-]{6,40}$/;

export type Verification =
  | { status: "not-found" }
  | {
      status: "valid" | "expired";
      documentType: string;
      documentNumber: string;
      validFrom: string | null;
      validTo: string | null;
      holderName: string | null;
      holderCitizenship: string | null;
    };

/** A code as people type it: spaces dropped, any case. */
export function normalizeVerificationCode(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

/**
 * Checks a permit or registration by the code printed in its QR code: whether it exists and is
 * valid today. It shows no more than the document itself does, and less: its type, number,
 * validity and the holder's name and citizenship (so that the checker can match the paper to the
 * person in front of them), never the case, the address, the birth date or anything else. Every
 * lookup is audited (`document.verified`), found or not; the route limits how often one may ask.
 */
export async function verifyDocument(
  workspace: Workspace,
  origin: { principal: Principal | null; ip?: string | undefined; requestId?: string | undefined },
  rawCode: string,
  locale: Locale,
): Promise<Verification> {
  const code = normalizeVerificationCode(rawCode);
  const [row] = codePattern.test(code)
    ? await workspace.cases.db
        .select({
          id: cases.id,
          typeCode: cases.typeCode,
          typeVersion: cases.typeVersion,
          agencyId: cases.agencyId,
          answers: cases.answers,
          decision: cases.decision,
        })
        .from(cases)
        .where(sql`(${cases.decision} ->> 'verificationCode') = ${code}`)
        .limit(1)
    : [];
  const decision = row?.decision as CaseDecision | null | undefined;
  let result: Verification = { status: "not-found" };
  if (row && decision?.issued && decision.documentNumber) {
    const definition = workspace.cases.registry.get(row.typeCode, row.typeVersion);
    const today = workspace.cases.calendar.legalDate(workspace.cases.clock.now());
    const holder = documentHolder(definition, row.answers, locale);
    result = {
      status: decision.validTo !== null && decision.validTo < today ? "expired" : "valid",
      documentType: definition.name[locale],
      documentNumber: decision.documentNumber,
      validFrom: decision.validFrom,
      validTo: decision.validTo,
      holderName: holder.name,
      holderCitizenship: holder.citizenship,
    };
  }
  await recordAudit(workspace.cases.db, {
    actor: actorOf(origin.principal),
    action: "document.verified",
    outcome: result.status === "not-found" ? "failure" : "success",
    entityType: row ? "case" : "document",
    entityId: row?.id,
    agencyId: row?.agencyId ?? null,
    ip: origin.ip,
    requestId: origin.requestId,
    details: { result: result.status },
  });
  return result;
}
