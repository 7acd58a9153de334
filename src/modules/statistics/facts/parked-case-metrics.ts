import { Gauge, type Registry } from "prom-client";
import type { Queryable } from "../../../platform/db/index.js";
import { countParkedCases } from "./parked-case-repository.js";

/**
 * `karvan_statistics_parked_cases` at /metrics: cases the statistics projection set aside, read from
 * the database at each scrape, so that it holds whichever instance or thread parked them.
 */
export function registerParkedCaseMetrics(registry: Registry, db: Queryable): void {
  new Gauge({
    name: "karvan_statistics_parked_cases",
    help: "Cases the statistics projection could not process and set aside for an administrator",
    registers: [registry],
    async collect() {
      this.set(await countParkedCases(db));
    },
  });
}
