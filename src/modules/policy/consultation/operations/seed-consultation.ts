import { randomUUID } from "node:crypto";
import type { Database } from "../../../../platform/db/index.js";
import { recordAudit, systemActor } from "../../../access/index.js";
import type { DocumentKind } from "../../strategies/records.js";
import { listDocuments } from "../../strategies/repository.js";
import type { Consultation, ConsultationComment } from "../records.js";
import { findUnclosedConsultation, insertComment, insertConsultation } from "../repository.js";

export interface SeedConsultation {
  /** The document it is on, by kind and exact title (made before, e.g. by seedPolicyDocument). */
  document: { kind: DocumentKind; title: string };
  title: Consultation["title"];
  text: Consultation["text"];
  opensOn: string;
  closesOn: string;
  comments: Array<
    Pick<ConsultationComment, "authorName" | "displayName" | "email" | "locale" | "sectionCode" | "text"> & {
      status: "pending" | "published";
      answer?: string;
    }
  >;
}

/**
 * Writes a consultation with its comments at once, as the system, marked demo (the demo data). A
 * document that already has an unclosed consultation is left as it is: running it again adds nothing.
 */
export async function seedConsultation(db: Database, at: Date, seed: SeedConsultation): Promise<boolean> {
  const [document] = (
    await listDocuments(db, { text: seed.document.title, kind: seed.document.kind })
  ).filter((found) => found.title === seed.document.title);
  if (!document) throw new Error(`no policy document "${seed.document.title}" to consult on`);
  if (await findUnclosedConsultation(db, document.id, seed.opensOn)) return false;
  return db.transaction(async (tx) => {
    const id = randomUUID();
    await insertConsultation(tx, { ...seed, id, documentId: document.id, demo: true, openedBy: null, at });
    for (const [index, comment] of seed.comments.entries()) {
      const { answer, ...rest } = comment;
      await insertComment(tx, {
        ...rest,
        id: randomUUID(),
        consultationId: id,
        authorUserId: null,
        verifiedAt: at,
        answer: answer ?? null,
        answeredAt: answer ? at : null,
        moderatedAt: at,
        demo: true,
        // Apart by a minute, so that they are listed in the order given.
        createdAt: new Date(at.getTime() - (seed.comments.length - index) * 60_000),
      });
    }
    await recordAudit(tx, {
      actor: systemActor,
      action: "policy_consultation.seeded",
      outcome: "success",
      entityType: "policy_consultation",
      entityId: id,
    });
    return true;
  });
}
