#!/usr/bin/env node
// Runs the compiled Karvan in dist/ (`npm run build`; `npm start` builds it when the sources changed).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/index.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("karvan: no build in dist/; run `npm run build` (or `npm start`) first\n");
  process.exit(1);
}
await import(entry.href);
