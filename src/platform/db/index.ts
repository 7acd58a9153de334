export type { Database, DatabaseHandle, DatabaseKind, Queryable, RawSql, Transaction } from "./client.js";
export { driverConnection, openDatabase, queryRows, queryRowsPrepared } from "./client.js";
export { migrationsFolder, runMigrations } from "./migrate.js";
export { anyOf } from "./value-list.js";
export { type WriteGroups, type WriteGroupsOptions, writeGroups } from "./write-groups.js";
