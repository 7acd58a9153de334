import { anonymiseCase, countFinishedCasesDue, listFinishedCasesDue } from "../../cases/index.js";
import { anonymousAnswers } from "../../statistics/index.js";
import { finishedCaseRules } from "./finished-case-rules.js";
import type { RetentionServices } from "./retention-services.js";

const pageSize = 200;

export interface FinishedCaseExpiry {
  /** Decided and closed cases whose personal data was taken out. */
  anonymised: number;
  /** Cases whose uploaded documents were removed before the rest of the case. */
  documentsRemoved: number;
}

/**
 * Decided and closed cases past their procedure's period are anonymised (anonymise-case.ts in the
 * case engine); with a shorter period for documents, their files go first. Each case is its own
 * transaction, audited there; the files are deleted once it has committed.
 */
export async function expireFinishedCases(
  services: RetentionServices,
  dryRun: boolean,
): Promise<FinishedCaseExpiry> {
  const { cases } = services;
  const result: FinishedCaseExpiry = { anonymised: 0, documentsRemoved: 0 };
  for (const rule of finishedCaseRules(services.rules, cases.clock.now())) {
    const key = rule.scope === "case" ? "anonymised" : "documentsRemoved";
    if (dryRun) {
      const counts = await countFinishedCasesDue(cases.db, rule);
      result[key] += counts.reduce((sum, one) => sum + one.count, 0);
      continue;
    }
    let after: string | undefined;
    for (;;) {
      const ids = await listFinishedCasesDue(cases.db, rule, { after, limit: pageSize });
      for (const id of ids) {
        const done = await anonymiseCase(
          cases,
          id,
          rule.scope,
          anonymousAnswers,
          `${rule.name}=${rule.years}`,
          services.anonymiseBeside,
        );
        if (!done) continue;
        for (const documentId of done.documentIds) await services.documents.deleteDocument(documentId);
        result[key] += 1;
      }
      if (ids.length < pageSize) break;
      after = ids.at(-1);
    }
  }
  return result;
}
