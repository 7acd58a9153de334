export { type BackgroundLoop, startBackgroundLoop } from "./background-loop.js";
export type { JobContext, JobDefinition, JobLogger, RetryPolicy } from "./job-definition.js";
export { deadLetterQueueOf, defineJob } from "./job-definition.js";
export { registerJobMetrics } from "./job-metrics.js";
export type { JobRunner, JobRunnerOptions, QueueCounts, SendOptions } from "./job-runner.js";
export { createJobRunner, jobIdForKey } from "./job-runner.js";
