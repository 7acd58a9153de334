import cliProgress from "cli-progress";

/** Below this many ids a progress bar would only flicker. */
const progressBarFrom = 20_000;

export function progressBar(label: string, total: number): cliProgress.SingleBar | null {
  if (total < progressBarFrom || !process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ids`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
