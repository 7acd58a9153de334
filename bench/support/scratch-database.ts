import { openDatabase } from "../../src/platform/db/index.js";

/** The same server address with another database name (a benchmark's scratch database). */
export function databaseNamed(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs one statement (create or drop a scratch database) on the server's maintenance database. */
export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const handle = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    await handle.raw.query(text);
  } finally {
    await handle.close();
  }
}

/** The value below which `share` of the values lie (nearest rank). */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
