CREATE TABLE `report_narratives` (
	`year` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `representations` ADD `imported_at` integer;--> statement-breakpoint
ALTER TABLE `representations` ADD `source_reference` text;--> statement-breakpoint
CREATE UNIQUE INDEX `representations_source_reference_idx` ON `representations` (`source_reference`);--> statement-breakpoint
CREATE INDEX `representations_received_on_idx` ON `representations` (`received_on`);--> statement-breakpoint
CREATE INDEX `stages_responded_on_idx` ON `stages` (`responded_on`);