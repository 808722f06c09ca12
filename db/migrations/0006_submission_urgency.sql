ALTER TABLE "submissions" ADD COLUMN "anonymous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;