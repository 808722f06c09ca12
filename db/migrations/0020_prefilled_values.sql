ALTER TABLE "citizen_sessions" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "prefilled" jsonb;
