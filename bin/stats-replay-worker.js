// A thread of `karvan stats rebuild` (src/cli/stats-replay-workers.ts): threads do not inherit
// the main thread's loader, so this one registers tsx's before loading the TypeScript sources.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/stats-replay-worker.ts");
