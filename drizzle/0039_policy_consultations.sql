CREATE TABLE "policy_consultation_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"display_name" text,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"section_code" text,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"verify_token_hash" text,
	"verify_expires_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"rejection_reason" text,
	"rejection_note" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_consultation_comments_verify_token_hash_unique" UNIQUE("verify_token_hash")
);
--> statement-breakpoint
CREATE TABLE "policy_consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"title_az" text NOT NULL,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"text_az" text NOT NULL,
	"text_en" text NOT NULL,
	"text_ru" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closed_early_on" date,
	"demo" boolean DEFAULT false NOT NULL,
	"opened_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_consultation_comments" ADD CONSTRAINT "policy_consultation_comments_consultation_id_policy_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."policy_consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_consultations" ADD CONSTRAINT "policy_consultations_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_consultation_comments_queue" ON "policy_consultation_comments" USING btree ("consultation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "policy_consultation_comments_email" ON "policy_consultation_comments" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "policy_consultations_document" ON "policy_consultations" USING btree ("document_id");