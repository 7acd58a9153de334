import { seedDetentionCentres } from "../../modules/enforcement/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";

/**
 * DEMO ONLY: two invented detention centres, marked as demo in their codes and names, so that the
 * detention register can be tried at once. Their heads' addresses are the demo's (example.org).
 */
export function seedDemoDetentionCentres(db: Database, clock: Clock): Promise<number> {
  return seedDetentionCentres(
    db,
    [
      {
        code: "DEMO-BAKU-DC",
        names: {
          az: "Bakı saxlama mərkəzi (demo)",
          en: "Baku detention centre (demo)",
          ru: "Бакинский центр содержания (демо)",
        },
        region: "AZ-BA",
        capacity: 60,
        headEmail: "head.baku-dc@demo.example.org",
        headLocale: "az",
      },
      {
        code: "DEMO-YEVLAKH-DC",
        names: {
          az: "Yevlax saxlama mərkəzi (demo)",
          en: "Yevlakh detention centre (demo)",
          ru: "Евлахский центр содержания (демо)",
        },
        region: "AZ-YE",
        capacity: 25,
        headEmail: "head.yevlakh-dc@demo.example.org",
        headLocale: "ru",
      },
    ],
    clock.now(),
  );
}
