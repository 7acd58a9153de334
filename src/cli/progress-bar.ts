import cliProgress from "cli-progress";

/** A byte-count progress bar on a terminal; nothing when the output is a file or a pipe. */
export function byteProgressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {mb} of {totalMb} MB | {duration_formatted}`,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0, { mb: mb(0), totalMb: mb(total) });
        started = true;
      }
      bar.update(done, { mb: mb(done), totalMb: mb(total) });
    },
    stop: () => bar.stop(),
  };
}

/** A progress bar counting items (`persons`, `clusters`) on a terminal; nothing when the output is a file or a pipe. */
export function countProgressBar(
  label: string,
  unit: string,
): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value} of {total} ${unit} | {duration_formatted}`,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
