import { z } from "zod";

const list = (message: string) =>
  z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((one) => one.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(200)).min(1, message).max(50));

const optionalList = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((one) => one.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100)).max(50));

/** The library entry form; messages are translation keys. */
export const libraryEntryForm = z.object({
  kind: z.enum(["study", "report", "dataset"], { message: "research.errors.kind" }),
  title: z.string().trim().min(1, "research.errors.entryTitle").max(300, "research.errors.entryTitle"),
  summary: z.string().trim().min(1, "research.errors.summary").max(5000, "research.errors.summary"),
  authors: list("research.errors.authors"),
  year: z.coerce
    .number({ message: "research.errors.year" })
    .int("research.errors.year")
    .min(1900, "research.errors.year")
    .max(2100, "research.errors.year"),
  topics: list("research.errors.topics"),
  languages: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((one) => one.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[a-z]{2}$/, "research.errors.languages"))
        .min(1, "research.errors.languages")
        .max(20),
    ),
  link: z
    .string()
    .trim()
    .max(1000, "research.errors.link")
    .refine((text) => text === "" || /^https:\/\/[^\s]+$/.test(text), "research.errors.link")
    .transform((text) => (text === "" ? null : text)),
  indicatorCodes: optionalList,
  policyDocumentIds: optionalList,
  published: z
    .enum(["yes", "no"])
    .default("no")
    .transform((value) => value === "yes"),
});

export const libraryEntryFields = [
  "kind",
  "title",
  "summary",
  "authors",
  "year",
  "topics",
  "languages",
  "link",
  "indicatorCodes",
  "policyDocumentIds",
  "published",
] as const;
