import {
  type CaseTypeDefinition,
  checkAnswers,
  type ScalarFieldDefinition,
} from "../../modules/cases/index.js";
import type { SeededRandom } from "../../platform/random/index.js";
import { addDays, type DemoEmployer, type DemoForeigner, type DemoHost, demoAddress } from "./demo-people.js";
import { personName, slug } from "./person-names.js";

/** Who a case is about and who applies: what the answers are made of. */
export interface AnswerSubject {
  person: DemoForeigner;
  host?: DemoHost;
  employer?: DemoEmployer;
}

const positions = [
  "Civil engineer",
  "Welder",
  "Site foreman",
  "Software developer",
  "Chef",
  "Hotel manager",
  "Petroleum engineer",
  "Nurse",
  "Textile technician",
  "Logistics coordinator",
  "Agronomist",
  "Teacher of English",
];
const qualifications = [
  "Bachelor of Engineering",
  "Vocational diploma in welding",
  "Master of Computer Science",
  "Culinary arts diploma",
  "Nursing diploma",
  "Bachelor of Economics",
];
const institutions = [
  "Baku State University",
  "ADA University",
  "Azerbaijan Technical University",
  "Khazar University",
  "Azerbaijan Medical University",
  "Azerbaijan State Oil and Industry University",
];
const programmes = [
  "Petroleum engineering",
  "International relations",
  "Medicine",
  "Computer science",
  "Azerbaijani language",
];
const explanations = [
  "I need more time to finish medical treatment that started during my stay.",
  "My family member is in hospital in Baku and I take care of them.",
  "The project I came for was extended by two months; the contract is attached.",
  "My return flight was cancelled and the next available flight is later.",
];

/** A value for one question, from its name (what it asks) and its kind (how it is answered). */
function answerFor(
  field: ScalarFieldDefinition,
  subject: AnswerSubject,
  random: SeededRandom,
  today: string,
): unknown {
  const name = field.name.toLowerCase();
  const { person, host, employer } = subject;
  switch (field.kind) {
    case "text":
      if (name.endsWith("fullname")) return person.fullName;
      if (name.includes("relativename"))
        return personName(
          random,
          random.chance(0.5) ? "AZ" : person.citizenship,
          random.chance(0.5) ? "F" : "M",
        );
      if (name.includes("hostname")) return host?.premisesName ?? "Caspian Pearl Hotel";
      if (name.includes("employername")) return employer?.companyName ?? "Absheron Construction LLC";
      if (name.includes("taxid")) return employer?.taxId ?? `1${random.digits(9)}`;
      if (name.includes("position")) return random.pick(positions);
      if (name.includes("qualification")) return random.pick(qualifications);
      if (name.includes("institution")) return random.pick(institutions);
      if (name.includes("programme") || name.includes("program")) return random.pick(programmes);
      if (name.includes("number")) return `WPP-${today.slice(0, 4)}-${random.digits(6)}`;
      if (field.pattern && new RegExp(field.pattern).test("1234567890")) return random.digits(10);
      return "Demo";
    case "email":
      return `${slug(person.fullName)}@example.org`;
    case "textarea":
      return random.pick(explanations);
    case "number": {
      const min = field.min ?? 0;
      return random.int(
        name.includes("year") ? Math.max(min, 5) : min,
        Math.min(field.max ?? min + 10, (name.includes("year") ? Math.max(min, 5) : min) + 10),
      );
    }
    case "date":
      if (name.includes("birth")) return person.birthDate;
      if (field.when === "past")
        return addDays(
          today,
          name.includes("arrival") || name.includes("entry") ? -random.int(0, 13) : -random.int(30, 900),
        );
      if (/until|departure|end|expir/.test(name)) {
        // A later end for what is extended or continued than for what ends now; a stay ends
        // within the 90 days from an arrival of up to 13 days ago.
        return addDays(
          today,
          /until|contractend|studyends/.test(name) ? random.int(90, 360) : random.int(5, 75),
        );
      }
      if (/start|begin/.test(name)) return addDays(today, random.int(10, 40));
      return addDays(today, field.when === "future" ? random.int(5, 200) : -random.int(0, 200));
    case "select":
    case "radios": {
      if (name === "accommodation" && host) return host.accommodation;
      // Earlier options are the common ones: each next option half as likely.
      const weights = field.options.map((_, index) => 0.55 ** index);
      let target = random.next() * weights.reduce((sum, weight) => sum + weight, 0);
      for (const [index, weight] of weights.entries()) {
        target -= weight;
        if (target < 0) return field.options[index]?.value;
      }
      return field.options[0]?.value;
    }
    case "country":
      return person.citizenship;
    case "documentNumber":
      if (name.includes("passport")) return person.passportNumber;
      return `AZ${random.digits(8)}`;
    case "address":
      if (name.includes("employer") && employer) return employer.address;
      if (name.includes("stay") && host) return host.address;
      return demoAddress(random);
  }
}

/**
 * Answers to every question that applies, checked by the case engine's own rules as of `today`
 * (the day they are given). Throws when the generator cannot satisfy a question: a new case type
 * with a question it does not understand should fail loudly in the seed's test, not in a demo.
 */
export function demoAnswers(
  definition: CaseTypeDefinition,
  subject: AnswerSubject,
  random: SeededRandom,
  today: string,
): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  // In form order, so that a question can depend on an earlier answer.
  for (const page of definition.form) {
    for (const field of page.fields) {
      if (field.kind === "group") {
        const count = Math.min(field.maxItems, Math.max(field.minItems, random.int(0, 2)));
        raw[field.name] = Array.from({ length: count }, () =>
          Object.fromEntries(
            field.fields.map((inner) => [inner.name, answerFor(inner, subject, random, today)]),
          ),
        );
      } else {
        raw[field.name] = answerFor(field, subject, random, today);
      }
    }
  }
  const checked = checkAnswers(definition, raw, today);
  if (checked.problems.length > 0) {
    const fields = checked.problems.map((problem) => `${problem.field} (${problem.messageKey})`).join(", ");
    throw new Error(`demo answers for ${definition.code} are not valid: ${fields}`);
  }
  return checked.answers;
}
