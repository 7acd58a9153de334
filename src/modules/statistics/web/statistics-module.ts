import type { Clock } from "../../../platform/clock/index.js";
import type { Guards } from "../../access/index.js";
import type { StatisticsContext } from "../statistics-context.js";

export interface StatisticsModule extends StatisticsContext {
  clock: Clock;
  guards: Guards;
}
