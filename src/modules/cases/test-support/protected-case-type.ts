import { defineCaseType } from "../definition/case-type.js";
import { samplePermit } from "./sample-case-type.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });

/**
 * A procedure officers register for a person without an account, whose cases only holders of
 * `asylum.read` see, with a special-category answer (`religion`) and representatives: the
 * engine's tests of `access` (the asylum procedure's shape without its law).
 */
export const protectedProcedure = defineCaseType({
  ...samplePermit,
  code: "protected-procedure",
  numberPrefix: "PRT",
  name: t("Protected procedure"),
  summary: t("A staff-registered procedure used by the engine's tests"),
  applicants: ["staff"],
  access: {
    read: "asylum.read",
    register: "asylum.register",
    sensitive: { permission: "asylum.sensitive", answers: ["religion"] },
    representatives: true,
  },
  fee: { amountMinor: 0 },
  documents: [],
  form: [
    {
      id: "person",
      title: t("The person"),
      fields: [
        { name: "fullName", kind: "text", label: t("Full name") },
        { name: "birthDate", kind: "date", when: "past", label: t("Date of birth") },
        { name: "citizenship", kind: "country", label: t("Citizenship") },
      ],
    },
    {
      id: "grounds",
      title: t("Grounds"),
      fields: [
        { name: "religion", kind: "text", required: false, label: t("Religion") },
        {
          name: "ground",
          kind: "radios",
          label: t("Ground"),
          options: [
            { value: "work", label: t("Persecution") },
            { value: "family", label: t("Family") },
          ],
        },
        {
          name: "employer",
          kind: "text",
          label: t("Persecutor"),
          showWhen: { field: "ground", equals: "work" },
        },
      ],
    },
  ],
});
