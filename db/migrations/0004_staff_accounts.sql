CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_roles` (
	`staff_user_id` integer NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_roles_pk` ON `staff_roles` (`staff_user_id`,`role`);--> statement-breakpoint
CREATE TABLE `staff_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_tokens_token_hash_idx` ON `staff_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `staff_tokens_user_idx` ON `staff_tokens` (`staff_user_id`);--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `pending` text;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `password_set_at` integer;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `totp_enabled_at` integer;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `totp_last_step` integer;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `totp_required` integer;--> statement-breakpoint
-- Accounts from before roles were a set: each keeps its one role, and its password counts as set.
INSERT OR IGNORE INTO `staff_roles` (`staff_user_id`, `role`) SELECT `id`, `role` FROM `staff_users`;--> statement-breakpoint
UPDATE `staff_users` SET `password_set_at` = `created_at` WHERE `password_set_at` IS NULL;
