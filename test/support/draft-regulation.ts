import { seedPolicyDocument } from "../../src/modules/policy/strategies/operations/seed-policy-document.js";
import { listDocuments } from "../../src/modules/policy/strategies/repository.js";
import type { Database } from "../../src/platform/db/index.js";

/** A draft regulation with nothing but its title, as a consultation's document: its id. */
export async function seedDraftRegulation(db: Database, now: Date, title: string): Promise<string> {
  await seedPolicyDocument(db, now, {
    kind: "regulation",
    title,
    summary: "Draft.",
    adoptingBody: null,
    periodStart: null,
    periodEnd: null,
    citedActs: [],
    statuses: [],
    objectives: [],
  });
  const id = (await listDocuments(db, { text: title }))[0]?.id;
  if (!id) throw new Error(`the draft ${title} was not stored`);
  return id;
}
