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
