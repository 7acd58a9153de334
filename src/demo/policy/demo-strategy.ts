import { seedPolicyDocument } from "../../modules/policy/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";

function shifted(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * DEMO ONLY: a small invented migration strategy (marked "demo" in its title; not the country's
 * adopted policy), in force, with two objectives and four actions of two agencies: one action
 * overdue, one due within the month, one done later, one on track, so that the dashboard and the
 * focal point's view are not empty on a fresh install.
 */
export async function seedDemoStrategy(db: Database, clock: Clock): Promise<boolean> {
  const now = clock.now();
  const day = (offset: number) => shifted(now, offset);
  return seedPolicyDocument(db, now, {
    kind: "strategy",
    title: "Demo: Migration management strategy 2026–2030 (demo)",
    summary:
      "DEMO DATA, invented for trying Karvan. A strategy for orderly labour migration, faster and fairer procedures, and the integration of foreigners who settle.",
    adoptingBody: "Cabinet of Ministers (demo)",
    periodStart: day(-300),
    periodEnd: day(1500),
    citedActs: [
      "Migration Code, article 5 (demo citation)",
      "Law on the legal status of foreigners (demo citation)",
    ],
    statuses: [
      { to: "consultation", onDate: day(-320) },
      { to: "adopted", onDate: day(-300) },
      { to: "in_force", onDate: day(-290) },
    ],
    objectives: [
      {
        code: "1",
        title: "Faster decisions on residence and work permits",
        indicatorCodes: ["decisions-within-legal-time", "average-processing-days"],
        measures: [
          {
            code: "1.1",
            title: "All permit applications online",
            actions: [
              {
                code: "1.1.1",
                title: "Open the online work-permit application to employers",
                agencyCode: "SMS",
                partnerCodes: ["MLSPP-DOST"],
                startOn: day(-280),
                dueOn: day(-20),
                budgetMinor: 12_500_000,
              },
              {
                code: "1.1.2",
                title: "Train regional offices on the new case workflow",
                agencyCode: "SMS",
                partnerCodes: [],
                startOn: day(-100),
                dueOn: day(21),
                budgetMinor: 3_000_000,
              },
            ],
          },
        ],
      },
      {
        code: "2",
        title: "Labour migration that meets the labour market's needs",
        indicatorCodes: ["applications-per-month"],
        measures: [
          {
            code: "2.1",
            title: "A labour-market test before each work permit",
            actions: [
              {
                code: "2.1.1",
                title: "Publish the list of occupations in shortage",
                agencyCode: "MLSPP-DOST",
                partnerCodes: ["SMS"],
                startOn: day(-200),
                dueOn: day(-5),
                budgetMinor: null,
              },
              {
                code: "2.1.2",
                title: "Agree the opinion procedure with the State Migration Service",
                agencyCode: "MLSPP-DOST",
                partnerCodes: ["SMS"],
                startOn: day(-60),
                dueOn: day(200),
                budgetMinor: 800_000,
              },
            ],
          },
        ],
      },
    ],
  });
}
