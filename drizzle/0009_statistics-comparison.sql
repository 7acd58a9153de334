CREATE TABLE "stat_comparison_figures" (
	"source" text NOT NULL,
	"country" text NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"value" bigint,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stat_comparison_figures_country_indicator_period_pk" PRIMARY KEY("country","indicator","period")
);
