ALTER TABLE "decisions" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "aterkoppling_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "aterkoppling_sent_by" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "consent_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "consent_checked_by" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "consent_checked_how" text;--> statement-breakpoint
-- Decisions recorded before kinds: the kind follows from the e-tjänst version the case was sent under.
UPDATE "decisions" AS d SET "kind" = CASE coalesce(v."document"->>'matter', 'ansokan')
    WHEN 'anmalan' THEN 'anmalan' WHEN 'fraga' THEN 'fraga' WHEN 'synpunkt' THEN 'synpunkt'
    ELSE CASE WHEN v."document"->>'category' = 'forenklad' THEN 'ansokanForenklad' ELSE 'ansokan' END END
  FROM "submissions" AS s JOIN "etjanst_versions" AS v ON v."service_id" = s."service_id" AND v."version" = s."service_version"
  WHERE d."submission_id" = s."id" AND d."kind" IS NULL;
