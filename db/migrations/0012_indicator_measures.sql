CREATE TABLE "indicator_measures" (
	"id" text PRIMARY KEY NOT NULL,
	"goal" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"origin" text NOT NULL,
	"method" text,
	"accrues" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_reported" (
	"measure_id" text NOT NULL,
	"period" text NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "indicator_reported_measure_id_period_pk" PRIMARY KEY("measure_id","period")
);
