import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Time from `karvan serve` to a ready server: first start on an empty data folder (creates the
 * embedded database, migrates, loads demo data) and a restart on the same folder.
 * Anchor: the foundation's promise of under 30 seconds after install.
 */
const anchorSeconds = 30;
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-bench-startup-"));

async function timeToReady(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/karvan.js", "serve"], {
    env: {
      ...process.env,
      PORT: String(port),
      KARVAN_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`karvan serve exited: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/ready`);
        if (response.ok) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

try {
  const first = await timeToReady();
  const again = await timeToReady();
  process.stdout.write(
    `startup: first ${first.toFixed(1)} s, restart ${again.toFixed(1)} s, anchor ${anchorSeconds} s, ratio ${(first / anchorSeconds).toFixed(2)}\n`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
