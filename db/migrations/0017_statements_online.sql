CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stage_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`written_by_id` integer,
	`shared_at` integer NOT NULL,
	`shared_by` text NOT NULL,
	`answer` text,
	`answered_at` integer,
	`changes` text,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`written_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "statements_shared_by_check" CHECK(shared_by IN ('email', 'letter')),
	CONSTRAINT "statements_answer_check" CHECK(answer IS NULL OR answer IN ('agreed', 'changes-asked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statements_stage_version_idx` ON `statements` (`stage_id`,`version`);--> statement-breakpoint
ALTER TABLE `case_entries` ADD `awaiting_staff_since` integer;--> statement-breakpoint
CREATE INDEX `case_entries_awaiting_idx` ON `case_entries` (`awaiting_staff_since`) WHERE awaiting_staff_since IS NOT NULL;--> statement-breakpoint
-- hand-written: requests for the next stage already made online and not yet confirmed (the stage is still "responded" with the day they asked) wait for the complaints team (decision record 042).
UPDATE `case_entries` SET `awaiting_staff_since` = `at` WHERE `kind` = 'next-stage-asked' AND `staff_user_id` IS NULL AND EXISTS (SELECT 1 FROM `stages` WHERE `stages`.`representation_id` = `case_entries`.`representation_id` AND `stages`.`state` = 'responded' AND `stages`.`next_stage_asked_on` IS NOT NULL AND `stages`.`sequence` = (SELECT MAX(`sequence`) FROM `stages` s2 WHERE s2.`representation_id` = `case_entries`.`representation_id`));
