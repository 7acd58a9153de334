import type { Locale, Translator } from "../../../platform/http/index.js";
import type { SealDescription } from "../../../platform/pdf/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { documentHolder } from "../workspace/answers-view.js";
import { formatLongDate } from "./answer-summary.js";

/** The holder's photo as uploaded with the application (already checked to be a JPEG or PNG). */
export interface HolderPhoto {
  mediaType: "image/jpeg" | "image/png";
  content: Buffer;
}

/** The document requirement code of the holder's photograph in the case-type definitions. */
export const photoDocumentCode = "photo";

/** The most recent photograph attached to the application, if any. */
export function latestPhotoOf(state: CaseState): CaseState["documents"][number] | undefined {
  return state.documents
    .filter(
      (document) =>
        document.code === photoDocumentCode &&
        (document.mediaType === "image/jpeg" || document.mediaType === "image/png"),
    )
    .at(-1);
}

/**
 * A word this long does not fit the value column; pdfmake breaks lines only between words, so
 * such a value is allowed to break anywhere (names and addresses are free text: a 200-letter
 * "word" is possible, and it must stay on the page).
 */
const unbreakableWord = /\S{28,}/;

export function breakableText(value: string): { text: string; wordBreak?: "break-all" } {
  return unbreakableWord.test(value) ? { text: value, wordBreak: "break-all" } : { text: value };
}

/**
 * The holder's particulars as a permit prints them, with the document's own labels (never the
 * form's questions): name as in the passport, date of birth, citizenship, travel document. The
 * same `documentHolder` gives `/verify` its name, so paper and check always agree.
 */
export function holderRows(input: {
  definition: CaseTypeDefinition;
  state: CaseState;
  locale: Locale;
  t: Translator;
  /** Used only when the case type has no passport-name question. */
  applicantName: string;
}): Array<[string, string]> {
  const { t, locale } = input;
  const holder = documentHolder(input.definition, input.state.answers, locale);
  const rows: Array<[string, string]> = [
    [t("portal.pdf.holderDetails.name"), holder.name ?? input.applicantName],
  ];
  if (holder.birthDate)
    rows.push([t("portal.pdf.holderDetails.birthDate"), formatLongDate(holder.birthDate, locale)]);
  if (holder.citizenship) rows.push([t("portal.pdf.holderDetails.citizenship"), holder.citizenship]);
  if (holder.travelDocumentNumber)
    rows.push([t("portal.pdf.holderDetails.travelDocument"), holder.travelDocumentNumber]);
  return rows;
}

/** 3.5 × 4.5 cm, the size the application asks for, in PDF points. */
const photoSize = { width: 99, height: 128 };

/** The particulars with the holder's photo at their right, when there is one. */
export function withHolderPhoto<T extends object>(details: T, photo: HolderPhoto | undefined) {
  if (!photo) return details;
  return {
    columns: [
      { width: "*", stack: [details] },
      {
        width: photoSize.width,
        image: `data:${photo.mediaType};base64,${photo.content.toString("base64")}`,
        fit: [photoSize.width, photoSize.height] as [number, number],
        margin: [0, 8, 0, 0] as [number, number, number, number],
      },
    ],
    columnGap: 16,
  };
}

/** The closing note: issued electronically under the seal named here, and a demo warning. */
export function sealNote(t: Translator, seal: SealDescription | undefined) {
  const margin: [number, number, number, number] = [0, 24, 0, 0];
  if (!seal) return [{ text: t("portal.pdf.electronic"), fontSize: 8, margin }];
  return [
    { text: t("portal.pdf.sealed", { authority: seal.commonName }), fontSize: 8, margin },
    ...(seal.demo
      ? [
          {
            text: t("portal.pdf.demoSeal"),
            fontSize: 10,
            bold: true,
            color: "#b00020",
            margin: [0, 6, 0, 0] as [number, number, number, number],
          },
        ]
      : []),
  ];
}
