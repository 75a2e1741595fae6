CREATE TABLE `equality_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representation_id` integer NOT NULL,
	`age_band` text,
	`gender` text,
	`disability` text,
	`ethnic_group` text,
	`ethnicity` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `equality_responses_representation_idx` ON `equality_responses` (`representation_id`);--> statement-breakpoint
CREATE INDEX `equality_responses_created_at_idx` ON `equality_responses` (`created_at`);