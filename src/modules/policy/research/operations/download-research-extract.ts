import { DomainError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit } from "../../../access/index.js";
import { loadRecordsInPeriod } from "../../../statistics/index.js";
import { buildExtract } from "../extract/build-extract.js";
import { ownApplication } from "../research-access.js";
import { consumeRelease, findRelease, logRelease } from "../research-repository.js";
import type { ResearchContext } from "../research-services.js";

export interface DownloadedExtract {
  fileName: string;
  csv: string;
  rowsReleased: number;
  rowsSuppressed: number;
}

/**
 * The researcher downloads the extract of their approved application, once, before it expires.
 * In one transaction the release is taken (a second download finds it taken), the extract is built
 * from the statistical records of the granted period with a fresh pseudonymisation key, and the
 * release log records how many rows were released and suppressed; a failure leaves the release
 * untaken. Nothing of the extract is kept.
 */
export async function downloadResearchExtract(
  context: ResearchContext,
  id: string,
): Promise<DownloadedExtract> {
  const application = await ownApplication(context, id);
  const researcher = context.principal;
  const release = await findRelease(context.db, id);
  if (!release || !application.grantedVariables || !application.grantedFrom || !application.grantedTo)
    throw new DomainError("research_extract_not_granted", 409, "research.errors.notGranted");
  const now = context.clock.now();
  const refusal = async (code: string) => {
    await recordAudit(context.db, {
      actor: actorOf(researcher),
      action: "research_extract.refused",
      outcome: "denied",
      entityType: "research_application",
      entityId: id,
      ip: context.ip,
      requestId: context.requestId,
      details: { reason: code },
    });
  };
  if (release.downloadedAt) {
    await refusal("downloaded");
    throw new DomainError("research_extract_downloaded", 410, "research.errors.downloaded");
  }
  if (new Date(release.expiresAt) <= now) {
    await refusal("expired");
    throw new DomainError("research_extract_expired", 410, "research.errors.expired");
  }
  const { grantedVariables, grantedFrom, grantedTo } = application;
  const extract = await context.db.transaction(async (tx) => {
    const taken = await consumeRelease(tx, id, now);
    if (!taken) throw new DomainError("research_extract_downloaded", 410, "research.errors.downloaded");
    const records = await loadRecordsInPeriod(tx, grantedFrom, grantedTo);
    const built = buildExtract(records, grantedVariables, taken.k);
    await logRelease(tx, id, {
      rowsReleased: built.rowsReleased,
      rowsSuppressed: built.rowsSuppressed,
      generalisation: built.generalisation,
    });
    await recordAudit(tx, {
      actor: actorOf(researcher),
      action: "research_extract.released",
      outcome: "success",
      entityType: "research_application",
      entityId: id,
      ip: context.ip,
      requestId: context.requestId,
      details: { k: taken.k, released: built.rowsReleased, suppressed: built.rowsSuppressed },
    });
    return built;
  });
  return {
    fileName: `karvan-research-${application.reference}.csv`,
    csv: extract.csv,
    rowsReleased: extract.rowsReleased,
    rowsSuppressed: extract.rowsSuppressed,
  };
}
