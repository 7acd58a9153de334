// The statistics projector's thread in `karvan serve` (src/statistics-projector-thread.ts): threads
// do not inherit the main thread's loader, so this one registers tsx's before loading the sources.
import { register } from "tsx/esm/api";

register();
await import("../src/statistics-projector-thread-entry.ts");
