CREATE TABLE `case_codes` (
	`representation_id` integer NOT NULL,
	`list` text NOT NULL,
	`reference_value_id` integer NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reference_value_id`) REFERENCES `reference_values`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_codes_pk` ON `case_codes` (`representation_id`,`list`,`reference_value_id`);--> statement-breakpoint
CREATE TABLE `case_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`channel` text,
	`body` text,
	`details` text,
	`staff_user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_entries_representation_idx` ON `case_entries` (`representation_id`,`at`);--> statement-breakpoint
CREATE TABLE `contact_restrictions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`restricted` text NOT NULL,
	`reason` text NOT NULL,
	`review_on` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ended_at` integer,
	`ended_by_id` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_restrictions_person_idx` ON `contact_restrictions` (`person_id`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `persons_email_idx` ON `persons` (`email`);--> statement-breakpoint
CREATE TABLE `safeguarding_concerns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representation_id` integer NOT NULL,
	`concern` text NOT NULL,
	`flagged_by_id` integer,
	`flagged_at` integer NOT NULL,
	`referred_to` text,
	`referred_to_name` text,
	`referred_on` text,
	`referral_recorded_by_id` integer,
	`referral_recorded_at` integer,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`flagged_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_recorded_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguarding_concerns_representation_idx` ON `safeguarding_concerns` (`representation_id`);--> statement-breakpoint
ALTER TABLE `representations` ADD `representation_type` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `received_from` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `primary_nature` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `person_id` integer REFERENCES persons(id);--> statement-breakpoint
ALTER TABLE `representations` ADD `team_id` integer REFERENCES teams(id);--> statement-breakpoint
ALTER TABLE `representations` ADD `responding_manager_id` integer REFERENCES staff_users(id);--> statement-breakpoint
ALTER TABLE `representations` ADD `investigator_id` integer REFERENCES staff_users(id);--> statement-breakpoint
ALTER TABLE `representations` ADD `safeguarding` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `eligibility` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `refusal_reason` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `decided_at` integer;--> statement-breakpoint
CREATE INDEX `representations_status_idx` ON `representations` (`status`);--> statement-breakpoint
CREATE INDEX `representations_team_idx` ON `representations` (`team_id`);--> statement-breakpoint
CREATE INDEX `representations_person_idx` ON `representations` (`person_id`);