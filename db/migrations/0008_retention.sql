CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`run_on` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`result` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_runs_job_day_idx` ON `scheduled_runs` (`job`,`run_on`);--> statement-breakpoint
ALTER TABLE `representations` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `representations` ADD `anonymised_at` integer;--> statement-breakpoint
CREATE INDEX `representations_closed_at_idx` ON `representations` (`closed_at`);--> statement-breakpoint
-- hand-written:
-- Cases that ended before closed_at existed: a refusal's date is decided_at; a compliment passed on
-- ended when the timeline says so.
UPDATE `representations` SET `closed_at` = `decided_at` WHERE `status` = 'refused' AND `closed_at` IS NULL;--> statement-breakpoint
UPDATE `representations` SET `closed_at` = (SELECT max(`at`) FROM `case_entries` e WHERE e.`representation_id` = `representations`.`id` AND e.`kind` = 'compliment-passed-on') WHERE `status` = 'closed' AND `closed_at` IS NULL;--> statement-breakpoint
UPDATE `representations` SET `closed_at` = `updated_at` WHERE `status` IN ('closed', 'refused') AND `closed_at` IS NULL;
