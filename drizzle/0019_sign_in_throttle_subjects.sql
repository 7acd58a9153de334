ALTER TABLE "sign_in_attempts" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "source" text;--> statement-breakpoint
CREATE INDEX "sign_in_attempts_subject" ON "sign_in_attempts" USING btree ("subject","kind","at");