import { z } from "zod";

const uuid = z.uuid();

/** Whether a value can be a register id: anything else is simply not found, never a database error. */
export function isRegisterId(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
