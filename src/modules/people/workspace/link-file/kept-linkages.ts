import { randomUUID } from "node:crypto";
import type { PeopleFileSummary } from "../../link-file/link-people-file.js";

/**
 * The results of the linkages run from the page, kept for their downloads: in this process's
 * memory, for the one who uploaded the file, for half an hour (docs/adr/0038-people-file-linkage-results.md).
 * Nothing is written to disk or to the database: the files hold personal identifiers that the
 * uploader takes away, and a result nobody fetches is simply forgotten.
 */

export interface KeptLinkage {
  ownerId: string;
  keptAt: number;
  summary: PeopleFileSummary;
  pairs: string;
  clusters: string;
}

export const keptForMilliseconds = 30 * 60 * 1000;
/** Bounds the memory results take, whatever the number of uploads: the oldest go first. */
const maxKeptCharacters = 100 * 1024 * 1024;

const kept = new Map<string, KeptLinkage>();

function sizeOf(linkage: KeptLinkage): number {
  return linkage.pairs.length + linkage.clusters.length;
}

function forgetExpired(now: number): void {
  for (const [id, linkage] of kept) if (now - linkage.keptAt >= keptForMilliseconds) kept.delete(id);
  let total = 0;
  for (const linkage of kept.values()) total += sizeOf(linkage);
  // Maps iterate in insertion order: the first entries are the oldest.
  for (const [id, linkage] of kept) {
    if (total <= maxKeptCharacters) break;
    kept.delete(id);
    total -= sizeOf(linkage);
  }
}

export function keepLinkage(linkage: KeptLinkage): string {
  const id = randomUUID();
  kept.set(id, linkage);
  forgetExpired(linkage.keptAt);
  return id;
}

/** The result, only to the one who uploaded the file and only while it is kept. */
export function keptLinkage(id: string, ownerId: string, now: number): KeptLinkage | undefined {
  forgetExpired(now);
  const linkage = kept.get(id);
  return linkage?.ownerId === ownerId ? linkage : undefined;
}
