import { seedLibraryEntries } from "../../modules/policy/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";

const demoNote = "DEMO ENTRY: invented to try the research library; no such work exists.";

/** DEMO ONLY: three invented library entries (marked as demo in title and summary), published on the portal. */
export function seedDemoResearchLibrary(db: Database, clock: Clock): Promise<number> {
  const demo = (title: string, summary: string) => ({
    title: `[Demo] ${title}`,
    summary: `${demoNote} ${summary}`,
  });
  return seedLibraryEntries(db, clock.now(), [
    {
      kind: "study",
      ...demo(
        "Labour migration corridors to Azerbaijan",
        "Countries of origin and sectors of work permit holders.",
      ),
      authors: ["Demo Author A", "Demo Author B"],
      year: 2025,
      topics: ["labour migration", "work permits", "demo"],
      languages: ["en", "az"],
      link: null,
      indicatorCodes: ["applications-per-month"],
      policyDocumentIds: [],
      published: true,
    },
    {
      kind: "report",
      ...demo("Time to decision in asylum procedures", "How long first-instance decisions take, by month."),
      authors: ["Demo Institute"],
      year: 2024,
      topics: ["asylum", "processing time", "demo"],
      languages: ["ru"],
      link: null,
      indicatorCodes: ["decisions-within-legal-time"],
      policyDocumentIds: [],
      published: true,
    },
    {
      kind: "dataset",
      ...demo("Registrations at place of stay, monthly", "Counts by region and citizenship."),
      authors: ["Demo Statistics Team"],
      year: 2025,
      topics: ["registration", "demo"],
      languages: ["az", "en", "ru"],
      link: null,
      indicatorCodes: [],
      policyDocumentIds: [],
      published: true,
    },
  ]);
}
