import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { countryProfile } from "../../../../platform/country/index.js";
import type { Database } from "../../../../platform/db/index.js";
import { findAgencyByCode, recordAudit, systemActor } from "../../../access/index.js";
import type { DocumentContent, DocumentStatus } from "../records.js";
import { changeStatus, insertAction, insertDocument, insertMeasure, insertObjective } from "../repository.js";
import { policyDocuments } from "../schema.js";

export interface SeedPolicyDocument extends DocumentContent {
  /** The statuses it went through, with their dates, from draft on. */
  statuses: Array<{ to: DocumentStatus; onDate: string }>;
  objectives: Array<{
    code: string;
    title: string;
    indicatorCodes: string[];
    measures: Array<{
      code: string;
      title: string;
      actions: Array<{
        code: string;
        title: string;
        agencyCode: string;
        partnerCodes: string[];
        startOn: string;
        dueOn: string;
        budgetMinor: number | null;
      }>;
    }>;
  }>;
}

/**
 * Writes a whole document with its plan at once, as the system (installation and demo data). A
 * document of the same kind and title is left as it is, so running it again adds nothing.
 */
export async function seedPolicyDocument(db: Database, at: Date, seed: SeedPolicyDocument): Promise<boolean> {
  const agencyIds = new Map<string, string>();
  for (const code of new Set(
    seed.objectives.flatMap((objective) =>
      objective.measures.flatMap((measure) =>
        measure.actions.flatMap((action) => [action.agencyCode, ...action.partnerCodes]),
      ),
    ),
  )) {
    const agency = await findAgencyByCode(db, code);
    if (!agency) throw new Error(`no agency ${code} for the policy document "${seed.title}"`);
    agencyIds.set(code, agency.id);
  }
  const agencyId = (code: string) => agencyIds.get(code) as string;
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: policyDocuments.id })
      .from(policyDocuments)
      .where(and(eq(policyDocuments.kind, seed.kind), eq(policyDocuments.title, seed.title)))
      .limit(1);
    if (existing.length > 0) return false;
    const documentId = randomUUID();
    await insertDocument(tx, { ...seed, id: documentId, createdBy: null, at });
    let from: DocumentStatus = "draft";
    for (const status of seed.statuses) {
      await changeStatus(tx, {
        id: randomUUID(),
        documentId,
        from,
        to: status.to,
        onDate: status.onDate,
        by: null,
        at,
      });
      from = status.to;
    }
    for (const objective of seed.objectives) {
      const objectiveId = randomUUID();
      await insertObjective(tx, { ...objective, id: objectiveId, documentId, description: "", at });
      for (const measure of objective.measures) {
        const measureId = randomUUID();
        await insertMeasure(tx, {
          id: measureId,
          objectiveId,
          documentId,
          code: measure.code,
          title: measure.title,
          description: "",
          at,
        });
        for (const action of measure.actions) {
          await insertAction(tx, {
            id: randomUUID(),
            measureId,
            documentId,
            code: action.code,
            title: action.title,
            description: "",
            responsibleAgencyId: agencyId(action.agencyCode),
            partnerAgencyIds: action.partnerCodes.map(agencyId),
            startOn: action.startOn,
            dueOn: action.dueOn,
            budgetMinor: action.budgetMinor,
            budgetCurrency: action.budgetMinor === null ? null : countryProfile().currency.code,
            at,
          });
        }
      }
    }
    await recordAudit(tx, {
      actor: systemActor,
      action: "policy_document.seeded",
      outcome: "success",
      entityType: "policy_document",
      entityId: documentId,
    });
    return true;
  });
}
