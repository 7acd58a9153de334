export type { Database, DatabaseHandle, DatabaseKind, Queryable, RawSql, Transaction } from "./client.js";
export { driverConnection, openDatabase, pgliteHandle, queryRows, queryRowsPrepared } from "./client.js";
export { type GroupedCalls, type GroupedCallsOptions, groupedCalls, sharesOf } from "./grouped-calls.js";
export { migrationsFolder, runMigrations } from "./migrate.js";
export { pipelinedTransaction, type TransactionPipeline } from "./pipelined-transaction.js";
export { anyOf } from "./value-list.js";
