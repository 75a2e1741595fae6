DROP INDEX `representations_received_on_idx`;--> statement-breakpoint
CREATE INDEX `representations_report_idx` ON `representations` (`received_on`,`kind`,`process`,`status`,`method_received`,`received_from`,`primary_nature`,`team_id`,`refusal_reason`,`imported_at`);--> statement-breakpoint
DROP INDEX `stages_responded_on_idx`;--> statement-breakpoint
CREATE INDEX `stages_state_kind_idx` ON `stages` (`state`,`kind`);--> statement-breakpoint
CREATE INDEX `stages_started_on_idx` ON `stages` (`started_on`,`representation_id`);--> statement-breakpoint
CREATE INDEX `stages_responded_on_idx` ON `stages` (`responded_on`,`representation_id`);