import { z } from "zod";

/** A position in the tasks queue, `<created at>_<task id>`, as the "next" link gives it. */
const afterParts = z.tuple([z.iso.datetime(), z.uuid()]);

/** The position to continue after, or null (the first page) for anything else. */
export function tasksQueueAfter(query: unknown): { createdAt: string; id: string } | null {
  const raw = (query as { after?: unknown } | undefined)?.after;
  const parsed = afterParts.safeParse(typeof raw === "string" ? raw.split("_") : null);
  return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null;
}
