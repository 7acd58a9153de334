import { z } from "zod";

/** The one check of an id, in an address or before a repository is asked for it. */
export const uuid = z.uuid();

export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
