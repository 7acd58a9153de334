import { z } from "zod";
import { agreementForPartner } from "./agreements.js";

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function realDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const text = (max: number, key: string) => z.string().trim().max(max, key);
const required = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);
const day = (key: string) => z.string().trim().refine(realDay, key);
const dayUpTo = (today: string, key: string) =>
  z
    .string()
    .trim()
    .refine((value) => realDay(value) && value <= today, key);

export const requestFormFields = [
  "direction",
  "partnerState",
  "procedure",
  "category",
  "fullName",
  "birthDate",
  "placeOfBirth",
  "sex",
  "citizenship",
  "documentType",
  "documentNumber",
  "lastAddress",
  "specialCircumstances",
  "partnerAuthority",
  "partnerReference",
  "caseKnownOn",
  "transmittedOn",
] as const;

export const documentTypes = ["passport", "id-card", "travel-document", "other", ""] as const;

/**
 * The common request form, as typed by an officer. `today` bounds the dates: a request is
 * registered when it was sent or received, never ahead. Messages are translation keys.
 */
export function requestFormSchema(today: string) {
  return z
    .object({
      direction: z.enum(["in", "out"], { error: "readmission.errors.direction" }),
      partnerState: z
        .string()
        .trim()
        .toUpperCase()
        .refine((value) => agreementForPartner(value) !== undefined, "readmission.errors.partnerState"),
      procedure: z.enum(["normal", "accelerated"], { error: "readmission.errors.procedure" }),
      category: z.string().trim().min(1, "readmission.errors.category"),
      fullName: required(200, "readmission.errors.fullName"),
      birthDate: z
        .string()
        .trim()
        .refine(
          (value) => value === "" || (realDay(value) && value <= today),
          "readmission.errors.birthDate",
        ),
      placeOfBirth: text(200, "readmission.errors.placeOfBirth"),
      sex: z.enum(["", "F", "M"], { error: "readmission.errors.sex" }),
      citizenship: z
        .string()
        .trim()
        .toUpperCase()
        .refine((value) => value === "" || /^[A-Z]{2}$/.test(value), "readmission.errors.citizenship"),
      documentType: z.enum(documentTypes, { error: "readmission.errors.documentType" }),
      documentNumber: z
        .string()
        .trim()
        .toUpperCase()
        .refine(
          (value) => value === "" || /^[A-Z0-9]{5,20}$/.test(value),
          "readmission.errors.documentNumber",
        ),
      lastAddress: text(500, "readmission.errors.lastAddress"),
      specialCircumstances: text(1000, "readmission.errors.specialCircumstances"),
      partnerAuthority: required(200, "readmission.errors.partnerAuthority"),
      partnerReference: text(100, "readmission.errors.partnerReference"),
      caseKnownOn: dayUpTo(today, "readmission.errors.caseKnownOn"),
      transmittedOn: dayUpTo(today, "readmission.errors.transmittedOn"),
    })
    .refine(
      (form) =>
        agreementForPartner(form.partnerState)?.categories.some((one) => one.code === form.category) ?? true,
      { path: ["category"], message: "readmission.errors.category" },
    )
    .refine((form) => !realDay(form.caseKnownOn) || form.transmittedOn >= form.caseKnownOn, {
      path: ["transmittedOn"],
      message: "readmission.errors.transmittedBeforeKnown",
    });
}

export type RequestForm = z.output<ReturnType<typeof requestFormSchema>>;

/** A step of the request page: the date it happened on, and what it needs besides. */
export function replyFormSchema(today: string) {
  return z
    .object({
      decision: z.enum(["agree", "refuse"], { error: "readmission.errors.decision" }),
      onDate: dayUpTo(today, "readmission.errors.onDate"),
      reasons: text(2000, "readmission.errors.reasons"),
    })
    .refine((form) => form.decision === "agree" || form.reasons.length > 0, {
      path: ["reasons"],
      message: "readmission.errors.reasons",
    });
}

export function extensionFormSchema(today: string) {
  return z.object({
    days: z.coerce
      .number({ error: "readmission.errors.days" })
      .int("readmission.errors.days")
      .min(1, "readmission.errors.days"),
    onDate: dayUpTo(today, "readmission.errors.onDate"),
    reason: required(1000, "readmission.errors.reason"),
  });
}

export function travelDocumentFormSchema(today: string) {
  return z.object({
    onDate: dayUpTo(today, "readmission.errors.onDate"),
    number: required(50, "readmission.errors.travelDocumentNumber"),
  });
}

export const transferFormSchema = z.object({
  transferOn: day("readmission.errors.transferOn"),
  borderCrossingPoint: required(200, "readmission.errors.borderCrossingPoint"),
  escort: required(500, "readmission.errors.escort"),
});

export function completionFormSchema(today: string) {
  return z.object({
    onDate: dayUpTo(today, "readmission.errors.onDate"),
    note: text(1000, "readmission.errors.note"),
  });
}

export const correspondenceKinds = ["letter", "email", "phone", "meeting", "other"] as const;

export function correspondenceFormSchema(today: string) {
  return z.object({
    kind: z.enum(correspondenceKinds, { error: "readmission.errors.kind" }),
    direction: z.enum(["sent", "received"], { error: "readmission.errors.correspondenceDirection" }),
    onDate: dayUpTo(today, "readmission.errors.onDate"),
    note: required(2000, "readmission.errors.note"),
  });
}
