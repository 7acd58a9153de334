// A worker thread's entry when Karvan runs from its TypeScript sources (tests, benchmarks): threads do
// not inherit the main thread's loader, so this one registers tsx's (a development dependency) before
// loading the sources. The compiled Karvan starts dist/worker-thread.js directly (src/platform/threads).
import { register } from "tsx/esm/api";

register();
await import("../src/worker-thread.ts");
