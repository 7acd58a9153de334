import type { FieldDefinition, ScalarFieldDefinition } from "../definition/case-type.js";

/**
 * A form page as the browser posts it: one string per input. Names follow the field's place in
 * the answers: `fullName`; a date is `birthDate-day`, `-month`, `-year`; an address is
 * `home.street`, `home.city`...; an item of a repeating group is `family.0.fullName`. Pages are
 * rendered from these values too, so what someone typed is shown back exactly as typed.
 */
export type FormValues = Record<string, string>;

export const addressParts = ["street", "city", "region", "postcode"] as const;
export const dateParts = ["day", "month", "year"] as const;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A url-encoded body as form values: a repeated name keeps its first value. */
export function formValuesOf(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== "object" || body === null) return values;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") values[name] = first;
  }
  return values;
}

function scalarToValues(field: ScalarFieldDefinition, name: string, value: unknown, into: FormValues): void {
  if (field.kind === "date") {
    const match = typeof value === "string" ? isoDate.exec(value) : null;
    into[`${name}-day`] = match ? String(Number(match[3])) : "";
    into[`${name}-month`] = match ? String(Number(match[2])) : "";
    into[`${name}-year`] = match?.[1] ?? "";
    return;
  }
  if (field.kind === "address") {
    const parts = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    for (const part of addressParts) into[`${name}.${part}`] = String(parts[part] ?? "");
    return;
  }
  into[name] = value === undefined || value === null ? "" : String(value);
}

/** Saved answers of some fields as the inputs that show them. */
export function answersToValues(fields: FieldDefinition[], answers: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind !== "group") {
      scalarToValues(field, field.name, answers[field.name], values);
      continue;
    }
    const saved = Array.isArray(answers[field.name]) ? (answers[field.name] as unknown[]) : [];
    const count = Math.max(saved.length, field.minItems);
    for (let index = 0; index < count; index++) {
      const item = (saved[index] ?? {}) as Record<string, unknown>;
      for (const inner of field.fields) {
        scalarToValues(inner, `${field.name}.${index}.${inner.name}`, item[inner.name], values);
      }
    }
  }
  return values;
}

/**
 * One answer from its inputs. A date is put together from day, month and year (an incomplete or
 * impossible one becomes a value the engine refuses as "not a real date"); an address left
 * completely empty is no answer at all.
 */
function scalarFromValues(field: ScalarFieldDefinition, name: string, values: FormValues): unknown {
  if (field.kind === "date") {
    const [day, month, year] = dateParts.map((part) => (values[`${name}-${part}`] ?? "").trim());
    if (!day && !month && !year) return "";
    if (/^\d{1,2}$/.test(day ?? "") && /^\d{1,2}$/.test(month ?? "") && /^\d{4}$/.test(year ?? "")) {
      return `${year}-${month?.padStart(2, "0")}-${day?.padStart(2, "0")}`;
    }
    return "not-a-date";
  }
  if (field.kind === "address") {
    const address = Object.fromEntries(
      addressParts.map((part) => [part, (values[`${name}.${part}`] ?? "").trim()]),
    );
    return Object.values(address).some((part) => part !== "") ? address : "";
  }
  return values[name] ?? "";
}

/** How many items of a repeating group the inputs hold (items are numbered from 0). */
export function groupItemCount(groupName: string, values: FormValues): number {
  const prefix = `${groupName}.`;
  let count = 0;
  for (const name of Object.keys(values)) {
    if (!name.startsWith(prefix)) continue;
    const index = /^(\d+)\./.exec(name.slice(prefix.length))?.[1];
    if (index !== undefined && Number(index) < 1000) count = Math.max(count, Number(index) + 1);
  }
  return count;
}

/** The answers of some fields from the inputs, shaped as the case engine checks and saves them. */
export function valuesToAnswers(fields: FieldDefinition[], values: FormValues): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind !== "group") {
      answers[field.name] = scalarFromValues(field, field.name, values);
      continue;
    }
    answers[field.name] = Array.from({ length: groupItemCount(field.name, values) }, (_, index) =>
      Object.fromEntries(
        field.fields.map((inner) => [
          inner.name,
          scalarFromValues(inner, `${field.name}.${index}.${inner.name}`, values),
        ]),
      ),
    );
  }
  return answers;
}

/** The inputs of one group item, by the name inside the item ("fullName", "birthDate-day"). */
function itemValues(groupName: string, index: number, values: FormValues): FormValues {
  const prefix = `${groupName}.${index}.`;
  return Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), value]),
  );
}

function withItems(groupName: string, items: FormValues[], values: FormValues): FormValues {
  const others = Object.fromEntries(
    Object.entries(values).filter(([name]) => !name.startsWith(`${groupName}.`)),
  );
  const numbered = items.flatMap((item, index) =>
    Object.entries(item).map(([name, value]) => [`${groupName}.${index}.${name}`, value] as const),
  );
  return { ...others, ...Object.fromEntries(numbered) };
}

/** "Add another": the group's inputs with one more, empty item. */
export function addGroupItem(
  group: Extract<FieldDefinition, { kind: "group" }>,
  values: FormValues,
): FormValues {
  const count = groupItemCount(group.name, values);
  if (count >= group.maxItems) return values;
  const empty: FormValues = {};
  for (const inner of group.fields) scalarToValues(inner, inner.name, undefined, empty);
  const items = Array.from({ length: count }, (_, index) => itemValues(group.name, index, values));
  return withItems(group.name, [...items, empty], values);
}

/** "Remove": the group's inputs without one item, the ones after it moved up. */
export function removeGroupItem(groupName: string, index: number, values: FormValues): FormValues {
  const count = groupItemCount(groupName, values);
  if (index < 0 || index >= count) return values;
  const items = Array.from({ length: count }, (_, position) => itemValues(groupName, position, values));
  items.splice(index, 1);
  return withItems(groupName, items, values);
}
