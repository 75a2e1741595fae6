CREATE TABLE `stage_people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stage_id` integer NOT NULL,
	`role` text NOT NULL,
	`staff_user_id` integer,
	`name` text,
	`cost_pence` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stage_people_role_check" CHECK(role IN ('investigating-officer', 'independent-person', 'adjudicating-officer', 'panel-member', 'panel-chair')),
	CONSTRAINT "stage_people_who_check" CHECK(staff_user_id IS NOT NULL OR name IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `stage_people_stage_idx` ON `stage_people` (`stage_id`);--> statement-breakpoint
CREATE INDEX `stage_people_staff_idx` ON `stage_people` (`staff_user_id`,`role`);--> statement-breakpoint
CREATE TABLE `stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representation_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`started_on` text NOT NULL,
	`requested_on` text,
	`late_request_reason` text,
	`statement_agreed_on` text,
	`acknowledged_on` text,
	`due_on` text,
	`latest_on` text,
	`next_due_on` text,
	`extended_to` text,
	`extension_reason` text,
	`extended_by_id` integer,
	`extended_at` integer,
	`person_told_of_extension_on` text,
	`on_hold` integer DEFAULT false NOT NULL,
	`on_hold_reason` text,
	`handler_id` integer,
	`responded_on` text,
	`finding` text,
	`closed_on` text,
	`withdrawn_reason` text,
	`reopened_reason` text,
	`panel_on` text,
	`panel_report_on` text,
	`ombudsman_reference` text,
	`ombudsman_enquiry_due_on` text,
	`ombudsman_enquiry_answered_on` text,
	`ombudsman_decision` text,
	`remedy` text,
	`remedy_pence` integer,
	`remedy_due_on` text,
	`remedy_met_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`representation_id`) REFERENCES `representations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`extended_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stages_kind_check" CHECK(kind IN ('early-resolution', 'case-concern', 'statutory-stage1', 'statutory-stage2', 'statutory-stage3', 'corporate-stage1', 'corporate-stage2', 'ombudsman')),
	CONSTRAINT "stages_state_check" CHECK(state IN ('open', 'responded', 'escalated', 'closed', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stages_representation_sequence_idx` ON `stages` (`representation_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `stages_state_next_due_idx` ON `stages` (`state`,`next_due_on`);--> statement-breakpoint
CREATE INDEX `stages_next_due_idx` ON `stages` (`next_due_on`);--> statement-breakpoint
-- hand-written: (runs BEFORE the rebuild below, which drops stage, stage1_due_on, stage1_latest_on
-- and investigator_id; keep it here when regenerating.) Each case with a stage, and each
-- complaint not yet decided (on the statutory Stage 1 clock from receipt), gets its first stage
-- row: kind as legacyStageKind (app/domain/stages.ts), state from the case's status, the clock from
-- receipt (early resolution and a case concern: from the decision; corporate: acknowledged on the
-- decision, as decisionEffect counted), the old due and latest dates kept as they were.
INSERT INTO `stages` (`representation_id`, `sequence`, `kind`, `state`, `started_on`, `acknowledged_on`, `due_on`, `latest_on`, `next_due_on`, `closed_on`, `created_at`, `updated_at`)
SELECT `id`, 1,
  CASE
    WHEN `stage` IN ('early-resolution', 'case-concern') THEN `stage`
    WHEN `stage` = 'stage2' AND `process` = 'corporate' THEN 'corporate-stage2'
    WHEN `stage` = 'stage2' THEN 'statutory-stage2'
    WHEN `stage` = 'stage3' THEN 'statutory-stage3'
    WHEN `process` = 'corporate' THEN 'corporate-stage1'
    ELSE 'statutory-stage1'
  END,
  CASE WHEN `status` = 'closed' THEN 'closed' ELSE 'open' END,
  CASE
    WHEN `stage` IN ('early-resolution', 'case-concern') AND `decided_at` IS NOT NULL THEN date(`decided_at` / 1000, 'unixepoch')
    ELSE `received_on`
  END,
  CASE WHEN `process` = 'corporate' AND `stage` = 'stage1' AND `decided_at` IS NOT NULL THEN date(`decided_at` / 1000, 'unixepoch') END,
  `stage1_due_on`, `stage1_latest_on`,
  CASE WHEN `status` = 'closed' THEN NULL ELSE `stage1_due_on` END,
  CASE WHEN `status` = 'closed' AND `closed_at` IS NOT NULL THEN date(`closed_at` / 1000, 'unixepoch') END,
  `updated_at`, `updated_at`
FROM `representations`
WHERE `stage` IS NOT NULL OR (`kind` = 'complaint' AND `status` IN ('new', 'triaged'));
--> statement-breakpoint
INSERT INTO `stage_people` (`stage_id`, `role`, `staff_user_id`)
SELECT `stages`.`id`, 'investigating-officer', `representations`.`investigator_id`
FROM `representations` JOIN `stages` ON `stages`.`representation_id` = `representations`.`id`
WHERE `representations`.`investigator_id` IS NOT NULL;
--> statement-breakpoint
-- end hand-written
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_representations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`process` text,
	`method_received` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`mode` text DEFAULT 'standard' NOT NULL,
	`received_at` integer NOT NULL,
	`received_on` text NOT NULL,
	`person_name` text NOT NULL,
	`person_relationship` text NOT NULL,
	`person_email` text,
	`child_name` text,
	`answers` text NOT NULL,
	`representation_type` text,
	`received_from` text,
	`primary_nature` text,
	`person_id` integer,
	`team_id` integer,
	`responding_manager_id` integer,
	`safeguarding` text,
	`eligibility` text,
	`refusal_reason` text,
	`decided_at` integer,
	`closed_at` integer,
	`anonymised_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responding_manager_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_representations`("id", "reference", "kind", "status", "process", "method_received", "language", "mode", "received_at", "received_on", "person_name", "person_relationship", "person_email", "child_name", "answers", "representation_type", "received_from", "primary_nature", "person_id", "team_id", "responding_manager_id", "safeguarding", "eligibility", "refusal_reason", "decided_at", "closed_at", "anonymised_at", "created_at", "updated_at") SELECT "id", "reference", "kind", "status", "process", "method_received", "language", "mode", "received_at", "received_on", "person_name", "person_relationship", "person_email", "child_name", "answers", "representation_type", "received_from", "primary_nature", "person_id", "team_id", "responding_manager_id", "safeguarding", "eligibility", "refusal_reason", "decided_at", "closed_at", "anonymised_at", "created_at", "updated_at" FROM `representations`;--> statement-breakpoint
DROP TABLE `representations`;--> statement-breakpoint
ALTER TABLE `__new_representations` RENAME TO `representations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `representations_reference_idx` ON `representations` (`reference`);--> statement-breakpoint
CREATE INDEX `representations_received_at_idx` ON `representations` (`received_at`);--> statement-breakpoint
CREATE INDEX `representations_status_idx` ON `representations` (`status`);--> statement-breakpoint
CREATE INDEX `representations_team_idx` ON `representations` (`team_id`);--> statement-breakpoint
CREATE INDEX `representations_person_idx` ON `representations` (`person_id`);--> statement-breakpoint
CREATE INDEX `representations_closed_at_idx` ON `representations` (`closed_at`);