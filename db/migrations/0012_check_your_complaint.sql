CREATE TABLE `check_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representation_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_codes_representation_idx` ON `check_codes` (`representation_id`);--> statement-breakpoint
CREATE TABLE `check_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`representation_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_sessions_expires_idx` ON `check_sessions` (`expires_at`);--> statement-breakpoint
ALTER TABLE `stages` ADD `next_stage_asked_on` text;--> statement-breakpoint
ALTER TABLE `stages` ADD `next_stage_asked_late_reason` text;