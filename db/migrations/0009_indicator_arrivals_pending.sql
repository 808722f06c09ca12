CREATE TABLE "indicator_arrivals_pending" (
	"service_id" text NOT NULL,
	"area" text NOT NULL,
	"month" text NOT NULL,
	"on_behalf" boolean NOT NULL,
	"day" text NOT NULL,
	"weekday_office_hour" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- New submissions no longer add to the shared counter rows of indicator_volumes and
-- indicator_office_days in their own transaction (every submission of a month and a day updated
-- the same rows, so concurrent submissions waited for each other's commit). They are appended to
-- indicator_arrivals_pending instead, and indicator_fold_pending() moves them into the summaries;
-- the indicators read both (src/server/indicators/repository.ts). Deletions and updates keep
-- changing the summaries directly, as before.
CREATE FUNCTION indicator_fold_pending() RETURNS bigint
LANGUAGE sql AS $$
  WITH moved AS (
    DELETE FROM indicator_arrivals_pending RETURNING service_id, area, month, on_behalf, day, weekday_office_hour, n
  ),
  volumes AS (
    INSERT INTO indicator_volumes AS t (service_id, area, month, on_behalf, n)
      SELECT service_id, area, month, on_behalf, sum(n) FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (service_id, area, month, on_behalf) DO UPDATE SET n = t.n + excluded.n
  ),
  office AS (
    INSERT INTO indicator_office_days AS t (area, day, weekday_office_hour, n)
      SELECT area, day, weekday_office_hour, sum(n) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (area, day, weekday_office_hour) DO UPDATE SET n = t.n + excluded.n
  )
  SELECT count(*) FROM moved;
$$;
--> statement-breakpoint
CREATE FUNCTION indicator_submissions_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_arrivals_pending (service_id, area, month, on_behalf, day, weekday_office_hour, n)
    SELECT service_id, area, to_char(l, 'YYYY-MM'), on_behalf, to_char(l, 'YYYY-MM-DD'),
      extract(isodow FROM l) < 6 AND extract(hour FROM l) >= 8 AND extract(hour FROM l) < 17, count(*)
    FROM (SELECT service_id, area, on_behalf, submitted_at AT TIME ZONE 'Europe/Stockholm' AS l FROM changed) c
    GROUP BY 1, 2, 3, 4, 5, 6;
  -- Rows that arrive already handled (an import, a test) count their handling time at once.
  IF EXISTS (SELECT 1 FROM changed WHERE first_handled_at IS NOT NULL) THEN
    WITH b AS (
      SELECT area, to_char(submitted_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month,
        indicator_handling_bucket(submitted_at, first_handled_at) AS k, count(*)::int AS n
      FROM changed WHERE first_handled_at IS NOT NULL GROUP BY 1, 2, 3
    )
    INSERT INTO indicator_handling AS t (area, month, counts)
      SELECT m.area, m.month, array_agg(b.n ORDER BY g.k)
      FROM (SELECT area, month, max(k) AS top FROM b GROUP BY 1, 2) m
      CROSS JOIN LATERAL generate_series(0, m.top) AS g (k)
      LEFT JOIN b ON b.area = m.area AND b.month = m.month AND b.k = g.k
      GROUP BY m.area, m.month ORDER BY m.area, m.month
      ON CONFLICT (area, month) DO UPDATE SET counts = indicator_histogram_add(t.counts, excluded.counts);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER indicator_submissions_added ON submissions;
--> statement-breakpoint
CREATE TRIGGER indicator_submissions_added AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_submissions_added();
--> statement-breakpoint
-- A deletion first folds what is pending, so that the summaries it subtracts from never go below zero.
CREATE FUNCTION indicator_fold_before_removal() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_fold_pending();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER indicator_fold_before_removal BEFORE DELETE ON submissions
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_fold_before_removal();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_summaries_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE submissions, decisions IN SHARE MODE;
  TRUNCATE indicator_volumes, indicator_office_days, indicator_handling, indicator_decisions, indicator_decided_cases, indicator_arrivals_pending;
  CREATE TEMPORARY TABLE indicator_local ON COMMIT DROP AS
    SELECT service_id, area, on_behalf, submitted_at AT TIME ZONE 'Europe/Stockholm' AS l,
      CASE WHEN first_handled_at IS NOT NULL THEN indicator_handling_bucket(submitted_at, first_handled_at) END AS bucket
    FROM submissions;
  INSERT INTO indicator_volumes (service_id, area, month, on_behalf, n)
    SELECT service_id, area, to_char(l, 'YYYY-MM'), on_behalf, count(*) FROM indicator_local GROUP BY 1, 2, 3, 4;
  INSERT INTO indicator_office_days (area, day, weekday_office_hour, n)
    SELECT area, to_char(l, 'YYYY-MM-DD'), extract(isodow FROM l) < 6 AND extract(hour FROM l) >= 8 AND extract(hour FROM l) < 17, count(*)
    FROM indicator_local GROUP BY 1, 2, 3;
  WITH b AS (
    SELECT area, to_char(l, 'YYYY-MM') AS month, bucket AS k, count(*)::int AS n FROM indicator_local WHERE bucket IS NOT NULL GROUP BY 1, 2, 3
  )
  INSERT INTO indicator_handling (area, month, counts)
    SELECT m.area, m.month, array_agg(b.n ORDER BY g.k)
    FROM (SELECT area, month, max(k) AS top FROM b GROUP BY 1, 2) m
    CROSS JOIN LATERAL generate_series(0, m.top) AS g (k)
    LEFT JOIN b ON b.area = m.area AND b.month = m.month AND b.k = g.k
    GROUP BY m.area, m.month;
  DROP TABLE indicator_local;
  INSERT INTO indicator_decided_cases (submission_id, service_id, area, month, outcome, insats, sex)
    SELECT d.submission_id, s.service_id, s.area, to_char(d.first_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), d.outcome, d.insats,
      indicator_sex(s.subject_personnummer)
    FROM (
      SELECT DISTINCT ON (submission_id) submission_id, outcome, insats, min(decided_at) OVER (PARTITION BY submission_id) AS first_at
      FROM decisions
      ORDER BY submission_id, decided_at DESC, id DESC
    ) d
    JOIN submissions s ON s.id = d.submission_id;
  INSERT INTO indicator_decisions (service_id, area, month, outcome, insats, sex, n)
    SELECT service_id, area, month, outcome, insats, sex, count(*) FROM indicator_decided_cases GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_submissions_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Only the counts that change: a first handling touches the handling time alone, not the
  -- e-tjänst's month, which new submissions are counting into at the same time.
  IF (OLD.service_id, OLD.area, OLD.submitted_at, OLD.on_behalf) IS DISTINCT FROM (NEW.service_id, NEW.area, NEW.submitted_at, NEW.on_behalf) THEN
    -- What is pending first, so that the summaries subtracted from never go below zero.
    PERFORM indicator_fold_pending();
    PERFORM indicator_count_arrival(OLD, -1);
    PERFORM indicator_count_arrival(NEW, 1);
  END IF;
  IF (OLD.area, OLD.submitted_at, OLD.first_handled_at) IS DISTINCT FROM (NEW.area, NEW.submitted_at, NEW.first_handled_at) THEN
    PERFORM indicator_count_handling(OLD, -1);
    PERFORM indicator_count_handling(NEW, 1);
  END IF;
  -- What a decided case counts under (e-tjänst, area, sex) comes from the submission.
  IF (OLD.service_id, OLD.area, OLD.subject_personnummer) IS DISTINCT FROM (NEW.service_id, NEW.area, NEW.subject_personnummer) THEN
    PERFORM indicator_refresh_decided_case(NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
