/**
 * Benchmarks: `npm run bench -- <name>`. Each prints its figure beside its anchor on the last line.
 * Against the PostgreSQL server when DATABASE_URL is set, else the embedded database.
 */
const benchmarks: Record<string, () => Promise<unknown>> = {
  startup: () => import("./startup.js"),
  "audit-seal": () => import("./audit-seal.js"),
  registration: () => import("./registration.js"),
  "case-pages": () => import("./case-pages.js"),
  statistics: () => import("./statistics.js"),
  import: () => import("./import.js"),
  dashboards: () => import("./dashboards.js"),
  febrl: () => import("./febrl.js"),
  "import-persons": () => import("./import-persons.js"),
  "people-register": () => import("./people-register.js"),
};

const name = process.argv[2];
const run = name ? benchmarks[name] : undefined;
if (!run) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benchmarks).join("|")}>\n`);
  process.exit(2);
}
await run();
