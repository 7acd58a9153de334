import { seedConsultation, seedPolicyDocument } from "../../modules/policy/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";

const document = {
  kind: "regulation" as const,
  title: "Demo: Rules on registration at the place of stay (draft, demo)",
};

function shifted(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * DEMO ONLY: an invented draft regulation (marked demo; not the country's policy) in public
 * consultation for three weeks more, with its text in the three languages and three invented
 * comments marked demo: one answered, one published, one waiting for moderation.
 */
export async function seedDemoConsultation(db: Database, clock: Clock): Promise<boolean> {
  const now = clock.now();
  const day = (offset: number) => shifted(now, offset);
  await seedPolicyDocument(db, now, {
    ...document,
    summary:
      "DEMO DATA, invented for trying Karvan. Simpler registration of foreigners at their place of stay.",
    adoptingBody: null,
    periodStart: null,
    periodEnd: null,
    citedActs: ["Migration Code, article 50 (demo citation)"],
    statuses: [{ to: "consultation", onDate: day(-7) }],
    objectives: [],
  });
  return seedConsultation(db, now, {
    document,
    opensOn: day(-7),
    closesOn: day(21),
    title: {
      az: "Demo: Olduğu yer üzrə qeydiyyat qaydaları (layihə, demo)",
      en: "Demo: Rules on registration at the place of stay (draft, demo)",
      ru: "Демо: Правила регистрации по месту пребывания (проект, демо)",
    },
    text: {
      az: "DEMO MƏTN: Karvanı sınamaq üçün uydurulub.\n\n1. Əcnəbi olduğu yerə gəldikdən sonra 15 iş günü ərzində qeydiyyata alınır.\n\n2. Ev sahibi və ya mehmanxana qeydiyyatı portalda və ya API vasitəsilə edir.\n\n3. Qeydiyyat üçün rüsum tutulmur.",
      en: "DEMO TEXT: invented for trying Karvan.\n\n1. A foreigner is registered within 15 working days of arriving at the place of stay.\n\n2. The host or hotel registers on the portal or through the API.\n\n3. No fee is charged for registration.",
      ru: "ДЕМО-ТЕКСТ: придуман для знакомства с Karvan.\n\n1. Иностранец регистрируется в течение 15 рабочих дней после прибытия в место пребывания.\n\n2. Принимающая сторона или гостиница регистрирует его на портале или через API.\n\n3. Плата за регистрацию не взимается.",
    },
    comments: [
      {
        authorName: "Demo Commenter A",
        displayName: "Hotel owner (demo)",
        email: "demo.commenter.a@example.org",
        locale: "en",
        sectionCode: "2",
        text: "DEMO COMMENT: Small guesthouses without a computer need a way to register by phone.",
        status: "published",
        answer:
          "DEMO ANSWER: Registration at any service centre will stay possible; the final text will say so.",
      },
      {
        authorName: "Demo Commenter B",
        displayName: null,
        email: "demo.commenter.b@example.org",
        locale: "az",
        sectionCode: "1",
        text: "DEMO ŞƏRH: 15 iş günü uzun müddətdir, 7 gün kifayətdir.",
        status: "published",
      },
      {
        authorName: "Demo Commenter C",
        displayName: "Student (demo)",
        email: "demo.commenter.c@example.org",
        locale: "ru",
        sectionCode: null,
        text: "ДЕМО-КОММЕНТАРИЙ: Нужна версия правил на английском для студентов.",
        status: "pending",
      },
    ],
  });
}
