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
CREATE TABLE `experience_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`stage_kind` text NOT NULL,
	`month` text NOT NULL,
	`easy` text,
	`listened` text,
	`again` text,
	`easy_read` integer DEFAULT false NOT NULL,
	CONSTRAINT "experience_responses_kind_check" CHECK(stage_kind IN ('early-resolution', 'case-concern', 'statutory-stage1', 'statutory-stage2', 'statutory-stage3', 'corporate-stage1', 'corporate-stage2', 'ombudsman')),
	CONSTRAINT "experience_responses_easy_check" CHECK(easy IS NULL OR easy IN ('yes', 'partly', 'no')),
	CONSTRAINT "experience_responses_listened_check" CHECK(listened IS NULL OR listened IN ('yes', 'partly', 'no')),
	CONSTRAINT "experience_responses_again_check" CHECK(again IS NULL OR again IN ('yes', 'partly', 'no'))
);
--> statement-breakpoint
CREATE INDEX `experience_responses_month_idx` ON `experience_responses` (`month`);--> statement-breakpoint
ALTER TABLE `stages` ADD `next_stage_asked_on` text;--> statement-breakpoint
ALTER TABLE `stages` ADD `next_stage_asked_late_reason` text;--> statement-breakpoint
ALTER TABLE `stages` ADD `experience_answered_at` integer;