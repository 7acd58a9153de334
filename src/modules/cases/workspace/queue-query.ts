import { z } from "zod";
import type { QueueCursor } from "./queue-repository.js";
import { searchTermMaxLength } from "./queue-search.js";

const cursorPattern = /^(\d{4}-\d{2}-\d{2})?_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Anything unexpected in a filter falls back to its default: a queue link never fails. */
function lenient<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return z.preprocess((value) => (schema.safeParse(value).success ? value : fallback), schema);
}

/** Text matching a pattern, or "" (the filter is not set). */
function optionalText(pattern: RegExp) {
  return z.preprocess((value) => (typeof value === "string" && pattern.test(value) ? value : ""), z.string());
}

/** The search box: any text, cut to a sensible length (what it means is read in queue-search.ts). */
const searchText = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().slice(0, searchTermMaxLength) : ""),
  z.string(),
);

const code = /^[a-z][a-z0-9-]{0,79}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The queue's address: filters, sort and page (`after` / `before` a position). */
export const queueQuerySchema = z.object({
  q: searchText,
  type: optionalText(code),
  state: optionalText(code),
  agency: optionalText(uuid),
  assigned: lenient(z.enum(["anyone", "me", "unassigned"]), "anyone"),
  risk: lenient(z.enum(["any", "overdue", "due-soon", "at-risk", "paused"]), "any"),
  days: lenient(z.coerce.number().int().min(1).max(60), 5),
  sort: lenient(z.enum(["deadline", "-deadline"]), "deadline"),
  after: optionalText(cursorPattern),
  before: optionalText(cursorPattern),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export function parseQueueQuery(query: unknown): QueueQuery {
  return queueQuerySchema.parse(query ?? {});
}

export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.deadline ?? ""}_${cursor.id}`;
}

export function decodeCursor(value: string): QueueCursor | null {
  const match = cursorPattern.exec(value);
  if (!match?.[2]) return null;
  return { deadline: match[1] ?? null, id: match[2] };
}

/** The address of the queue with these filters (defaults left out, so links stay short). */
export function queueHref(
  base: string,
  query: QueueQuery,
  changes: Partial<Record<keyof QueueQuery, string | number>> = {},
): string {
  const merged = { ...query, after: "", before: "", ...changes };
  const defaults: Record<string, string | number> = {
    q: "",
    type: "",
    state: "",
    agency: "",
    assigned: "anyone",
    risk: "any",
    days: 5,
    sort: "deadline",
    after: "",
    before: "",
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (key === "days" && merged.risk !== "due-soon") continue;
    if (value !== defaults[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
