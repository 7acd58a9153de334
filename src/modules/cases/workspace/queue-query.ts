import { z } from "zod";
import { isUuid, uuid } from "./ids.js";
import type { QueueCursor } from "./queue-repository.js";
import { searchTermMaxLength } from "./queue-search.js";

/** A position in the queue: `<deadline>_<case id>`, the deadline empty for a case without one. */
const cursorParts = z.tuple([z.union([z.literal(""), z.iso.date()]), uuid]);

/** Anything unexpected in a filter falls back to its default: a queue link never fails. */
function lenient<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return z.preprocess((value) => (schema.safeParse(value).success ? value : fallback), schema);
}

/** Text that passes `accepts`, or "" (the filter is not set). */
function optionalText(accepts: (value: string) => boolean) {
  return z.preprocess((value) => (typeof value === "string" && accepts(value) ? value : ""), z.string());
}

const matches = (pattern: RegExp) => (value: string) => pattern.test(value);

/** The search box: any text, cut to a sensible length (what it means is read in queue-search.ts). */
const searchText = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().slice(0, searchTermMaxLength) : ""),
  z.string(),
);

const code = matches(/^[a-z][a-z0-9-]{0,79}$/);
const isCursor = (value: string) => decodeCursor(value) !== null;

/** The queue's address: filters, sort and page (`after` / `before` a position). */
export const queueQuerySchema = z.object({
  q: searchText,
  type: optionalText(code),
  state: optionalText(code),
  agency: optionalText(isUuid),
  assigned: lenient(z.enum(["anyone", "me", "unassigned"]), "anyone"),
  risk: lenient(z.enum(["any", "overdue", "due-soon", "at-risk", "paused"]), "any"),
  days: lenient(z.coerce.number().int().min(1).max(60), 5),
  sort: lenient(z.enum(["deadline", "-deadline"]), "deadline"),
  after: optionalText(isCursor),
  before: optionalText(isCursor),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export function parseQueueQuery(query: unknown): QueueQuery {
  return queueQuerySchema.parse(query ?? {});
}

export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.deadline ?? ""}_${cursor.id}`;
}

export function decodeCursor(value: string): QueueCursor | null {
  const parsed = cursorParts.safeParse(value.split("_"));
  return parsed.success ? { deadline: parsed.data[0] || null, id: parsed.data[1] } : null;
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
