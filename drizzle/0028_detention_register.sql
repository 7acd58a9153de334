CREATE TABLE "detention_alerts" (
	"placement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"for_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "detention_alerts_placement_id_kind_for_date_pk" PRIMARY KEY("placement_id","kind","for_date")
);
--> statement-breakpoint
CREATE TABLE "detention_centres" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"names" jsonb NOT NULL,
	"region" text NOT NULL,
	"capacity" integer NOT NULL,
	"head_email" text NOT NULL,
	"head_locale" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detention_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"placement_id" uuid NOT NULL,
	"previous_until" date NOT NULL,
	"new_until" date NOT NULL,
	"decision_reference" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"document_id" text NOT NULL,
	"document_name" text NOT NULL,
	"document_sha256" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detention_placements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"agency_id" uuid,
	"legal_basis" text NOT NULL,
	"ordering_authority" text NOT NULL,
	"court_decision_reference" text NOT NULL,
	"start_date" date NOT NULL,
	"initial_until" date NOT NULL,
	"permitted_until" date NOT NULL,
	"status" text NOT NULL,
	"responsible_officer_id" uuid NOT NULL,
	"ended_on" date,
	"end_record" text,
	"ended_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detention_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"placement_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"outcome" text NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "detention_alerts" ADD CONSTRAINT "detention_alerts_placement_id_detention_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."detention_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detention_extensions" ADD CONSTRAINT "detention_extensions_placement_id_detention_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."detention_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detention_placements" ADD CONSTRAINT "detention_placements_centre_id_detention_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."detention_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detention_reviews" ADD CONSTRAINT "detention_reviews_placement_id_detention_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."detention_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "detention_centres_code" ON "detention_centres" USING btree ("code");--> statement-breakpoint
CREATE INDEX "detention_extensions_placement" ON "detention_extensions" USING btree ("placement_id","recorded_at");--> statement-breakpoint
CREATE INDEX "detention_placements_status_until" ON "detention_placements" USING btree ("status","permitted_until");--> statement-breakpoint
CREATE INDEX "detention_placements_centre" ON "detention_placements" USING btree ("centre_id","start_date");--> statement-breakpoint
CREATE INDEX "detention_placements_person" ON "detention_placements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "detention_reviews_placement" ON "detention_reviews" USING btree ("placement_id","reviewed_on");