CREATE TABLE `learning_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representation_id` integer NOT NULL,
	`stage_id` integer,
	`change` text NOT NULL,
	`team_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`state` text DEFAULT 'agreed' NOT NULL,
	`evidence` text,
	`reason` text,
	`done_on` text,
	`public_heard` text,
	`public_changed` text,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "learning_actions_state_check" CHECK(state IN ('agreed', 'in-progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `learning_actions_representation_idx` ON `learning_actions` (`representation_id`);--> statement-breakpoint
CREATE INDEX `learning_actions_state_due_idx` ON `learning_actions` (`state`,`due_on`);--> statement-breakpoint
CREATE INDEX `learning_actions_team_idx` ON `learning_actions` (`team_id`);--> statement-breakpoint
CREATE TABLE `stage_codes` (
	`stage_id` integer NOT NULL,
	`list` text NOT NULL,
	`reference_value_id` integer NOT NULL,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reference_value_id`) REFERENCES `reference_values`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stage_codes_pk` ON `stage_codes` (`stage_id`,`list`,`reference_value_id`);--> statement-breakpoint
CREATE TABLE `stage_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stage_id` integer NOT NULL,
	`position` integer NOT NULL,
	`point` text NOT NULL,
	`finding` text NOT NULL,
	`reasons` text NOT NULL,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "stage_points_finding_check" CHECK(finding IN ('upheld', 'partially-upheld', 'not-upheld', 'resolved-early', 'withdrawn', 'not-investigated'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stage_points_stage_position_idx` ON `stage_points` (`stage_id`,`position`);--> statement-breakpoint
ALTER TABLE `stage_people` ADD `paid_to` text;--> statement-breakpoint
ALTER TABLE `stages` ADD `compensation_offered_pence` integer;--> statement-breakpoint
ALTER TABLE `stages` ADD `compensation_offered_on` text;--> statement-breakpoint
ALTER TABLE `stages` ADD `compensation_agreed_pence` integer;--> statement-breakpoint
ALTER TABLE `stages` ADD `compensation_agreed_on` text;--> statement-breakpoint
ALTER TABLE `stages` ADD `compensation_paid_pence` integer;--> statement-breakpoint
ALTER TABLE `stages` ADD `compensation_paid_on` text;--> statement-breakpoint
-- hand-written: the seeded findings get their codes by their original labels (decision record 028), then each stage's finding label becomes its value's code; a label with no code (a value a council added) stays as it was, shown as written.
UPDATE `reference_values` SET `code` = 'upheld' WHERE `list` = 'finding' AND `label` = 'Upheld' AND `code` IS NULL;--> statement-breakpoint
UPDATE `reference_values` SET `code` = 'partially-upheld' WHERE `list` = 'finding' AND `label` = 'Partially upheld' AND `code` IS NULL;--> statement-breakpoint
UPDATE `reference_values` SET `code` = 'not-upheld' WHERE `list` = 'finding' AND `label` = 'Not upheld' AND `code` IS NULL;--> statement-breakpoint
UPDATE `reference_values` SET `code` = 'resolved-early' WHERE `list` = 'finding' AND `label` = 'Resolved early' AND `code` IS NULL;--> statement-breakpoint
UPDATE `reference_values` SET `code` = 'withdrawn' WHERE `list` = 'finding' AND `label` = 'Withdrawn' AND `code` IS NULL;--> statement-breakpoint
UPDATE `reference_values` SET `code` = 'not-investigated' WHERE `list` = 'finding' AND `label` = 'Not investigated' AND `code` IS NULL;--> statement-breakpoint
UPDATE `stages` SET `finding` = (SELECT `code` FROM `reference_values` WHERE `list` = 'finding' AND `label` = `stages`.`finding`) WHERE EXISTS (SELECT 1 FROM `reference_values` WHERE `list` = 'finding' AND `label` = `stages`.`finding` AND `code` IS NOT NULL);
