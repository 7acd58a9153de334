import { parentPort, workerData } from "node:worker_threads";
import { CaseTypeRegistry, calendarDeadlineClock } from "./modules/cases/index.js";
import { caseTypeDefinitions } from "./modules/permits/index.js";
import { startStatisticsProjector } from "./modules/statistics/index.js";
import { loadLegalCalendars } from "./platform/calendar/index.js";
import { openDatabase } from "./platform/db/index.js";

/** What the server gives its projector thread (see statistics-projector-thread.ts). */
export interface ProjectorThreadData {
  databaseUrl: string;
  country: string;
}

export type ProjectorThreadMessage =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "parked"; caseId: string }
  | { type: "stopped" };

const { databaseUrl, country } = workerData as ProjectorThreadData;
const port = parentPort;
if (!port) throw new Error("the statistics projector thread runs inside `karvan serve` only");
const post = (message: ProjectorThreadMessage) => port.postMessage(message);

// Two connections: the projector's transaction, and the planner statistics it refreshes as records grow.
const database = await openDatabase({ databaseUrl, poolSize: 2 });
const projector = startStatisticsProjector(
  {
    db: database.db,
    registry: new CaseTypeRegistry(caseTypeDefinitions),
    deadlines: calendarDeadlineClock(loadLegalCalendars().of(country)),
  },
  {
    log: {
      error: (details) =>
        typeof details.caseId === "string"
          ? post({ type: "parked", caseId: details.caseId })
          : post({ type: "failed", message: String(details.err) }),
    },
  },
);
port.on("message", async (message: { type: "stop" }) => {
  if (message.type !== "stop") return;
  try {
    await projector.stop();
    await database.close();
  } finally {
    post({ type: "stopped" });
    port.close();
  }
});
post({ type: "ready" });
