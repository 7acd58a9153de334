/**
 * How long Karvan itself took to answer a route's requests, read from its Prometheus metrics
 * (`karvan_http_request_duration_seconds`, from when Fastify received a request to its answer):
 * beside the latencies the load generator saw, this tells the server's time from the time the
 * requests spent queued before it, in the load generator or in the kernel.
 */

/** Requests answered within each bucket's bound (seconds, `Infinity` for all), summed over statuses. */
export type AnswerCounts = Map<number, number>;

const bucketLine = /^karvan_http_request_duration_seconds_bucket\{([^}]*)\} (\d+(?:\.\d+)?)$/;
const label = /(\w+)="([^"]*)"/g;

/** The answer counts of one method and route in a metrics text (Prometheus' text format). */
export function answerCountsOf(metrics: string, method: string, route: string): AnswerCounts {
  const counts: AnswerCounts = new Map();
  for (const line of metrics.split("\n")) {
    const match = bucketLine.exec(line);
    if (!match) continue;
    const labels = new Map([...(match[1] as string).matchAll(label)].map(([, name, value]) => [name, value]));
    if (labels.get("method") !== method || labels.get("route") !== route) continue;
    const bound = labels.get("le") === "+Inf" ? Number.POSITIVE_INFINITY : Number(labels.get("le"));
    counts.set(bound, (counts.get(bound) ?? 0) + Number(match[2]));
  }
  return counts;
}

/**
 * The share of the requests answered between two readings that took at most `seconds` (a bucket's
 * bound); null when none was answered or no bucket has that bound.
 */
export function shareWithin(before: AnswerCounts, after: AnswerCounts, seconds: number): number | null {
  const answered = (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  const within = after.get(seconds);
  if (answered <= 0 || within === undefined) return null;
  return (within - (before.get(seconds) ?? 0)) / answered;
}

/** Reads the server's metrics (`/metrics`, with the token the server was started with). */
export async function answerCounts(
  origin: string,
  token: string,
  method: string,
  route: string,
): Promise<AnswerCounts> {
  const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return answerCountsOf(await response.text(), method, route);
}
