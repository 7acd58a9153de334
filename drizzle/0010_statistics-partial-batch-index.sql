DROP INDEX "stat_records_batch";--> statement-breakpoint
CREATE INDEX "stat_records_batch" ON "stat_records" USING btree ("batch_id") WHERE "stat_records"."batch_id" is not null;