import type { Locale, Translator } from "../../../platform/http/index.js";
import { countryOptions, regionOptions } from "../../../platform/reference/index.js";
import type { FieldDefinition, LocalizedText, ScalarFieldDefinition } from "../definition/case-type.js";
import { addressRegionCountry } from "../definition/validate-answers.js";
import { addressParts, dateParts, type FormValues, groupItemCount } from "./form-values.js";

/**
 * A question ready for the page: which GOV.UK component shows it and that component's
 * parameters, built here so that the template only picks the macro.
 */
export type FieldView =
  | { macro: "input" | "textarea" | "date" | "select" | "radios"; params: Record<string, unknown> }
  | {
      macro: "address";
      id: string;
      legend: string;
      hint: string | undefined;
      error: string | undefined;
      /** The parts in order: typed boxes, and the region chosen from the region list. */
      inputs: Array<{ macro: "input" | "select"; params: Record<string, unknown> }>;
    }
  | {
      macro: "group";
      id: string;
      legend: string;
      hint: string | undefined;
      error: string | undefined;
      items: Array<{ legend: string; fields: FieldView[]; remove: { value: string; text: string } }>;
      add: { value: string; text: string } | undefined;
    };

export interface FieldViewInput {
  locale: Locale;
  t: Translator;
  values: FormValues;
  /** Translated problems by answer path ("fullName", "family.0.birthDate"). */
  problems: Record<string, string>;
  /** The engine's key of each problem by answer path, to mark the part of an answer that is wrong. */
  problemKeys?: Record<string, string>;
}

/** The element id of an answer path: dots do not belong in ids (they break `#a.b` selectors). */
export function inputId(path: string): string {
  return path.replaceAll(".", "-");
}

/** Where the error summary sends the reader for a problem with this answer (of this kind). */
export function problemAnchor(
  field: FieldDefinition | ScalarFieldDefinition | undefined,
  path: string,
  messageKey?: string,
): string {
  const id = inputId(path);
  if (field?.kind === "date") return `#${id}-day`;
  if (field?.kind === "address")
    return messageKey === "cases.answers.region" ? `#${id}-region` : `#${id}-street`;
  return `#${id}`;
}

const text = (value: LocalizedText | undefined, locale: Locale) => (value ? value[locale] : undefined);
/** A field's error, with the hidden "Error:" before it in the page's language (govuk-frontend says "Error"). */
const errorMessage = (error: string | undefined, t: Translator) =>
  error ? { text: error, visuallyHiddenText: t("common.errorPrefix") } : undefined;

/** What one question of a page is shown with: its id, name, label, hint and error. */
interface Question {
  path: string;
  id: string;
  label: string;
  hint: string | undefined;
  value: string;
  common: {
    id: string;
    name: string;
    label: { text: string; classes: string };
    hint: { text: string } | undefined;
    errorMessage: ReturnType<typeof errorMessage>;
  };
}

type FieldOfKind<Kind extends ScalarFieldDefinition["kind"]> = Extract<ScalarFieldDefinition, { kind: Kind }>;

function choiceView(
  field: FieldOfKind<"select" | "country">,
  question: Question,
  input: FieldViewInput,
): FieldView {
  const { common, value } = question;
  const { locale, t } = input;
  const options =
    field.kind === "select"
      ? field.options.map((option) => ({ value: option.value, text: option.label[locale] }))
      : countryOptions(locale).map((country) => ({ value: country.code, text: country.name }));
  return {
    macro: "select",
    params: {
      ...common,
      value,
      items: [
        { value: "", text: t("portal.form.choose") },
        ...options.map((option) => ({ ...option, selected: option.value === value })),
      ],
    },
  };
}

function radiosView(field: FieldOfKind<"radios">, question: Question, input: FieldViewInput): FieldView {
  const { id, path, label, common, value } = question;
  return {
    macro: "radios",
    params: {
      idPrefix: id,
      name: path,
      fieldset: { legend: { text: label, classes: "govuk-fieldset__legend--s" } },
      hint: common.hint,
      errorMessage: common.errorMessage,
      items: field.options.map((option) => ({
        value: option.value,
        text: option.label[input.locale],
        checked: option.value === value,
      })),
    },
  };
}

function dateView(question: Question, input: FieldViewInput): FieldView {
  const { id, path, label, hint } = question;
  const { t, values } = input;
  const error = input.problems[path];
  const widths = {
    day: "govuk-input--width-2",
    month: "govuk-input--width-2",
    year: "govuk-input--width-4",
  };
  return {
    macro: "date",
    params: {
      id,
      namePrefix: path,
      fieldset: { legend: { text: label, classes: "govuk-fieldset__legend--s" } },
      hint: { text: hint ?? t("portal.form.dateHint") },
      errorMessage: errorMessage(error, t),
      items: dateParts.map((part) => ({
        name: part,
        label: t(`portal.form.${part}`),
        classes: `${widths[part]}${error ? " govuk-input--error" : ""}`,
        value: values[`${path}-${part}`] ?? "",
        inputmode: "numeric",
      })),
    },
  };
}

const addressAutocomplete = {
  street: "street-address",
  city: "address-level2",
  region: "address-level1",
  postcode: "postal-code",
};

interface AddressPartParams {
  id: string;
  name: string;
  label: { text: string };
  value: string;
  autocomplete: string;
}

/** The region of an address: chosen from the region list, never typed (statistics count by its code). */
function regionSelect(params: AddressPartParams, regionWrong: boolean, input: FieldViewInput) {
  const { autocomplete: purpose, ...selectParams } = params;
  const chosen = params.value.trim().toUpperCase();
  return {
    macro: "select" as const,
    params: {
      ...selectParams,
      attributes: { autocomplete: purpose },
      value: chosen,
      ...(regionWrong ? { classes: "govuk-select--error" } : {}),
      items: [
        { value: "", text: input.t("portal.form.address.chooseRegion") },
        ...regionOptions(addressRegionCountry, input.locale).map((region) => ({
          value: region.code,
          text: region.name,
          selected: region.code === chosen,
        })),
      ],
    },
  };
}

function addressView(question: Question, input: FieldViewInput): FieldView {
  const { id, path, label, hint } = question;
  const { t, values } = input;
  const error = input.problems[path];
  const regionWrong = input.problemKeys?.[path] === "cases.answers.region";
  const inputs = addressParts.map((part) => {
    const params: AddressPartParams = {
      id: `${id}-${part}`,
      name: `${path}.${part}`,
      label: { text: t(`portal.form.address.${part}`) },
      value: values[`${path}.${part}`] ?? "",
      autocomplete: addressAutocomplete[part],
    };
    if (part === "region") return regionSelect(params, regionWrong, input);
    const marked =
      error && !regionWrong && (part === "street" || part === "city") ? " govuk-input--error" : "";
    return {
      macro: "input" as const,
      params: { ...params, classes: `${part === "postcode" ? "govuk-input--width-10" : ""}${marked}` },
    };
  });
  return { macro: "address", id, legend: label, hint, error, inputs };
}

function inputView(
  field: FieldOfKind<"text" | "email" | "number" | "documentNumber" | "textarea">,
  { common, value }: Question,
): FieldView {
  switch (field.kind) {
    case "text":
      return {
        macro: "input",
        params: {
          ...common,
          value,
          autocomplete: field.autocomplete,
          attributes: { maxlength: String(field.maxLength) },
        },
      };
    case "email":
      return {
        macro: "input",
        params: { ...common, value, type: "email", autocomplete: "email", spellcheck: false },
      };
    case "number":
      return {
        macro: "input",
        params: { ...common, value, inputmode: "decimal", classes: "govuk-input--width-10" },
      };
    case "documentNumber":
      return {
        macro: "input",
        params: {
          ...common,
          value,
          spellcheck: false,
          autocomplete: "off",
          classes: "govuk-input--width-20",
        },
      };
    case "textarea":
      return { macro: "textarea", params: { ...common, value, rows: 5 } };
  }
}

function scalarView(
  field: ScalarFieldDefinition,
  path: string,
  input: FieldViewInput,
  labelSuffix = "",
): FieldView {
  const { locale, t, values, problems } = input;
  const id = inputId(path);
  const label = `${field.label[locale]}${labelSuffix}${field.required ? "" : ` ${t("portal.form.optional")}`}`;
  const hint = text(field.hint, locale);
  const common = {
    id,
    name: path,
    label: { text: label, classes: "govuk-label--s" },
    hint: hint ? { text: hint } : undefined,
    errorMessage: errorMessage(problems[path], t),
  };
  const question: Question = { path, id, label, hint, value: values[path] ?? "", common };
  switch (field.kind) {
    case "select":
    case "country":
      return choiceView(field, question, input);
    case "radios":
      return radiosView(field, question, input);
    case "date":
      return dateView(question, input);
    case "address":
      return addressView(question, input);
    case "text":
    case "email":
    case "number":
    case "documentNumber":
    case "textarea":
      return inputView(field, question);
  }
}

/** Every question of a page that applies, with its component, value and problem. */
export function fieldViews(fields: FieldDefinition[], input: FieldViewInput): FieldView[] {
  return fields.map((field) => {
    if (field.kind !== "group") return scalarView(field, field.name, input);
    const label = field.label[input.locale];
    const count = groupItemCount(field.name, input.values);
    return {
      macro: "group",
      id: inputId(field.name),
      legend: label,
      hint: text(field.hint, input.locale),
      error: input.problems[field.name],
      items: Array.from({ length: count }, (_, index) => ({
        legend: input.t("portal.form.groupItem", { label, number: index + 1 }),
        fields: field.fields.map((inner) =>
          scalarView(inner, `${field.name}.${index}.${inner.name}`, input, ` (${index + 1})`),
        ),
        remove: {
          value: `remove:${field.name}:${index}`,
          text: input.t("portal.form.removeItem", { label, number: index + 1 }),
        },
      })),
      add:
        count < field.maxItems
          ? { value: `add:${field.name}`, text: input.t("portal.form.addItem", { label }) }
          : undefined,
    };
  });
}
