CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` text,
	`representation_id` integer,
	`storage_key` text NOT NULL,
	`original_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by_staff_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_draft_idx` ON `attachments` (`draft_id`);--> statement-breakpoint
CREATE INDEX `attachments_representation_idx` ON `attachments` (`representation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_storage_key_idx` ON `attachments` (`storage_key`);--> statement-breakpoint
CREATE TABLE `return_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`draft_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_links_token_hash_idx` ON `return_links` (`token_hash`);--> statement-breakpoint
ALTER TABLE `representations` ADD `mode` text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE `representations` ADD `child_name` text;