import type { Locale, Translator } from "../../../platform/http/index.js";
import { findAgenciesByKind, findAgencyByCode } from "../../access/index.js";
import type { CaseTypeDefinition } from "../../cases/index.js";
import { basisText, periodText } from "../retention/retention-page.js";
import { caseRetentionYears } from "../retention/retention-rules.js";
import type { RetentionServices } from "../retention/retention-services.js";

/** A heading with its items: a form page and its questions, an agency and what it sees. */
interface LabelledList {
  heading: string;
  items: string[];
}

/** One processing activity of the record (Convention 108+ and GDPR article 30 describe its parts). */
interface ProcessingActivity {
  id: string;
  name: string;
  purpose: string;
  legalBasis: string;
  subjects: string[];
  dataCategories: LabelledList[];
  recipients: LabelledList[];
  retention: string[];
}

export interface ProcessingRecord {
  controller: string;
  framework: string;
  activities: ProcessingActivity[];
}

function fieldLabels(definition: CaseTypeDefinition, locale: Locale): LabelledList[] {
  return definition.form.map((page) => ({
    heading: page.title[locale],
    items: page.fields.map((field) =>
      field.kind === "group"
        ? `${field.label[locale]}: ${field.fields.map((inner) => inner.label[locale]).join(", ")}`
        : field.label[locale],
    ),
  }));
}

/** The agencies a procedure's tasks share answers with, and which answers. */
async function recipientsOf(
  services: RetentionServices,
  definition: CaseTypeDefinition,
  locale: Locale,
  t: Translator,
): Promise<LabelledList[]> {
  const questions = definition.form.flatMap((page) => page.fields);
  const recipients: LabelledList[] = [];
  for (const task of definition.tasks) {
    const agencies = await findAgenciesByKind(services.cases.db, task.agencyKind);
    const shared = task.sharedAnswers.map(
      (name) => questions.find((question) => question.name === name)?.label[locale] ?? name,
    );
    recipients.push({
      heading: agencies.length
        ? agencies.map((agency) => agency.names[locale]).join("; ")
        : t(`privacy.processing.agencyKinds.${task.agencyKind}`),
      items: [t("privacy.processing.forTask", { task: task.name[locale] }), ...shared],
    });
  }
  return recipients;
}

async function procedureActivity(
  services: RetentionServices,
  definition: CaseTypeDefinition,
  locale: Locale,
  t: Translator,
): Promise<ProcessingActivity> {
  const { rules } = services;
  const deciding = await findAgencyByCode(services.cases.db, definition.responsibleAgency);
  const documents = definition.documents.map((document) => document.name[locale]);
  const years = caseRetentionYears(rules, definition.code);
  return {
    id: `procedure-${definition.code}`,
    name: definition.name[locale],
    purpose: `${definition.summary[locale]} ${t("privacy.processing.decidedBy", {
      agency: deciding?.names[locale] ?? definition.responsibleAgency,
    })}`,
    legalBasis: definition.legalBasis[locale],
    subjects: definition.applicants.map((who) => t(`privacy.processing.subjects.${who}`)),
    dataCategories: [
      ...fieldLabels(definition, locale),
      ...(documents.length ? [{ heading: t("privacy.processing.documents"), items: documents }] : []),
    ],
    recipients: await recipientsOf(services, definition, locale, t),
    retention: [
      t("privacy.processing.retention.drafts", {
        period: periodText(t, { amount: rules.drafts.removeAfterDays, unit: "days" }),
      }),
      t("privacy.processing.retention.case", { period: periodText(t, { amount: years, unit: "years" }) }),
      rules.documents.removeAfterYears === null
        ? t("privacy.processing.retention.documentsWithCase")
        : t("privacy.processing.retention.documents", {
            period: periodText(t, { amount: rules.documents.removeAfterYears, unit: "years" }),
          }),
      basisText(t, locale, rules, rules.closedCases.basis),
    ],
  };
}

/**
 * Activities every installation has whatever its procedures: accounts, public consultations, the
 * audit trail, statistics.
 */
function platformActivities(
  services: RetentionServices,
  locale: Locale,
  t: Translator,
): ProcessingActivity[] {
  const { rules } = services;
  const activity = (id: string, retention: string[]): ProcessingActivity => ({
    id,
    name: t(`privacy.processing.platform.${id}.name`),
    purpose: t(`privacy.processing.platform.${id}.purpose`),
    legalBasis: t(`privacy.processing.platform.${id}.legalBasis`),
    subjects: [t(`privacy.processing.platform.${id}.subjects`)],
    dataCategories: [
      { heading: t("privacy.processing.dataHeading"), items: [t(`privacy.processing.platform.${id}.data`)] },
    ],
    recipients: [],
    retention,
  });
  return [
    activity("accounts", [
      t("privacy.processing.retention.unverified", {
        period: periodText(t, { amount: rules.unverifiedAccounts.removeAfterDays, unit: "days" }),
      }),
      basisText(t, locale, rules, rules.unverifiedAccounts.basis),
    ]),
    activity("consultations", [
      t("privacy.processing.retention.consultationCommenters", {
        period: periodText(t, { amount: rules.consultationCommenters.removeAfterMonths, unit: "months" }),
      }),
      basisText(t, locale, rules, rules.consultationCommenters.basis),
    ]),
    activity("audit", [
      t("privacy.processing.retention.kept"),
      basisText(t, locale, rules, rules.audit.basis),
    ]),
    activity("statistics", [
      t("privacy.processing.retention.statistics"),
      basisText(t, locale, rules, rules.statistics.basis),
    ]),
  ];
}

/**
 * The record of processing activities for the data-protection officer, generated from what Karvan
 * is configured to do: each procedure's case-type definition (its purpose, legal basis, the
 * questions it asks and the documents it takes, the agencies its tasks share answers with) and the
 * retention rules, plus the activities of the platform itself. It changes when they change.
 */
export async function buildProcessingRecord(
  services: RetentionServices,
  locale: Locale,
  t: Translator,
): Promise<ProcessingRecord> {
  const procedures = [];
  for (const definition of services.cases.registry.current())
    procedures.push(await procedureActivity(services, definition, locale, t));
  return {
    controller: services.rules.controller[locale],
    framework: services.rules.framework[locale],
    activities: [...procedures, ...platformActivities(services, locale, t)],
  };
}
