import { z } from "zod";
import { isLegalDate } from "../../../platform/calendar/index.js";
import { supportedLocales } from "../../../platform/http/index.js";
import { reviewOutcomes } from "./detention-records.js";

const text = (max: number, message: string) => z.string({ message }).trim().min(1, message).max(max, message);

const legalDate = (message: string) =>
  z
    .string({ message })
    .trim()
    .refine((value) => isLegalDate(value), message);

const optionalDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isLegalDate(value), message)
    .transform((value) => (value === "" ? null : value));

/** A centre as an officer enters it. */
export const newCentreSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,32}$/, "detention.errors.centreCode"),
  nameAz: text(200, "detention.errors.centreName"),
  nameEn: text(200, "detention.errors.centreName"),
  nameRu: text(200, "detention.errors.centreName"),
  region: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "detention.errors.region"),
  capacity: z.coerce
    .number({ message: "detention.errors.capacity" })
    .int("detention.errors.capacity")
    .min(1, "detention.errors.capacity")
    .max(100_000, "detention.errors.capacity"),
  headEmail: z.email("detention.errors.headEmail").max(320, "detention.errors.headEmail"),
  headLocale: z.enum(supportedLocales, "detention.errors.headLocale"),
});
export type NewCentre = z.output<typeof newCentreSchema>;

/**
 * A placement as an officer enters it: an existing person of the register (`personId`) or, with
 * `personId` "new", the person as the documents describe them, registered on placement.
 */
export const placementSchema = z
  .object({
    personId: z.union([z.uuid(), z.literal("new")], "detention.errors.person"),
    fullName: z.string().trim().max(200, "detention.errors.fullName"),
    birthDate: z.string().trim().max(10),
    citizenship: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === "" || /^[A-Z]{2}$/.test(value), "detention.errors.citizenship"),
    documentNumber: z.string().trim().max(20, "detention.errors.documentNumber"),
    centreId: z.uuid("detention.errors.centre"),
    legalBasis: text(500, "detention.errors.legalBasis"),
    orderingAuthority: text(200, "detention.errors.orderingAuthority"),
    courtDecisionReference: text(100, "detention.errors.courtDecisionReference"),
    startDate: legalDate("detention.errors.date"),
    permittedUntil: optionalDate("detention.errors.date"),
  })
  .superRefine((form, issues) => {
    if (form.personId === "new" && !form.fullName) {
      issues.addIssue({ code: "custom", path: ["fullName"], message: "detention.errors.fullName" });
    }
    if (form.permittedUntil && isLegalDate(form.startDate) && form.permittedUntil < form.startDate) {
      issues.addIssue({
        code: "custom",
        path: ["permittedUntil"],
        message: "detention.errors.untilBeforeStart",
      });
    }
  });
export type NewPlacement = z.output<typeof placementSchema>;

export const extensionSchema = z.object({
  newUntil: legalDate("detention.errors.date"),
  decisionReference: text(100, "detention.errors.decisionReference"),
  decidedBy: text(200, "detention.errors.decidedBy"),
  decidedOn: legalDate("detention.errors.date"),
});
export type NewExtension = z.output<typeof extensionSchema>;

export const reviewSchema = z.object({
  reviewedOn: legalDate("detention.errors.date"),
  outcome: z.enum(reviewOutcomes, "detention.errors.outcome"),
  notes: text(2000, "detention.errors.notes"),
});
export type NewReview = z.output<typeof reviewSchema>;

export const endSchema = z.object({
  endKind: z.enum(["released", "removed"], "detention.errors.endKind"),
  endedOn: legalDate("detention.errors.date"),
  endRecord: text(4000, "detention.errors.endRecord"),
});
export type PlacementEnd = z.output<typeof endSchema>;
