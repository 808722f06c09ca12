CREATE TABLE "portal_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"valid_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_periods_valid_from_unique" UNIQUE("valid_from")
);
--> statement-breakpoint
CREATE TABLE "submission_rule_periods" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submission_rule_periods" ADD CONSTRAINT "submission_rule_periods_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_rule_periods" ADD CONSTRAINT "submission_rule_periods_period_id_rule_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."rule_periods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_rule_periods_period_idx" ON "submission_rule_periods" USING btree ("period_id");--> statement-breakpoint
-- A rule-set period is never changed once written: a submission names it and is shown with its values forever.
CREATE FUNCTION rule_periods_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rule_periods rows are never changed';
END;
$$;--> statement-breakpoint
CREATE TRIGGER rule_periods_immutable BEFORE UPDATE ON rule_periods
  FOR EACH ROW EXECUTE FUNCTION rule_periods_refuse_update();
