CREATE TABLE "decision_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"lang" text NOT NULL,
	"text" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "decision_texts_key_lang_idx" ON "decision_texts" USING btree ("key","lang","created_at");--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "texts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- A municipality's wording is history once written: a change is a new row, so every version stays readable.
CREATE FUNCTION decision_texts_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'decision_texts rows are never changed';
END;
$$;--> statement-breakpoint
CREATE TRIGGER decision_texts_immutable BEFORE UPDATE ON decision_texts
  FOR EACH ROW EXECUTE FUNCTION decision_texts_refuse_update();
