ALTER TABLE `representations` ADD `current_stage_id` integer;--> statement-breakpoint
ALTER TABLE `representations` ADD `current_stage_kind` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `next_due_on` text;--> statement-breakpoint
ALTER TABLE `representations` ADD `pin_order` integer GENERATED ALWAYS AS ((safeguarding IS NOT 'flagged')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `representations` ADD `due_key` text GENERATED ALWAYS AS (coalesce(next_due_on, '9999-12-31')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `representations_inbox_due_idx` ON `representations` (`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_newest_idx` ON `representations` (`pin_order`,received_at DESC,id DESC);--> statement-breakpoint
CREATE INDEX `representations_inbox_oldest_idx` ON `representations` (`pin_order`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_reference_idx` ON `representations` (`pin_order`,`reference`);--> statement-breakpoint
CREATE INDEX `representations_inbox_status_idx` ON `representations` (`status`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_kind_idx` ON `representations` (`kind`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_process_idx` ON `representations` (`process`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_current_stage_kind_idx` ON `representations` (`current_stage_kind`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_team_id_idx` ON `representations` (`team_id`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_responding_manager_id_idx` ON `representations` (`responding_manager_id`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_inbox_person_relationship_idx` ON `representations` (`person_relationship`,`pin_order`,`due_key`,received_at DESC,`id`);--> statement-breakpoint
CREATE INDEX `representations_team_status_idx` ON `representations` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `representations_next_due_idx` ON `representations` (`next_due_on`);--> statement-breakpoint
CREATE INDEX `representations_current_stage_idx` ON `representations` (`current_stage_id`);--> statement-breakpoint
-- hand-written:
-- The current stage's id, kind and next deadline copied onto its case (decision record 038), kept
-- by triggers so that every service that opens, moves or corrects a stage keeps them true.
UPDATE `representations` SET (`current_stage_id`, `current_stage_kind`, `next_due_on`) = (SELECT `id`, `kind`, `next_due_on` FROM `stages` WHERE `stages`.`representation_id` = `representations`.`id` ORDER BY `sequence` DESC LIMIT 1);--> statement-breakpoint
CREATE TRIGGER `stages_current_insert` AFTER INSERT ON `stages`
WHEN NEW.`sequence` = (SELECT max(`sequence`) FROM `stages` WHERE `representation_id` = NEW.`representation_id`)
BEGIN
  UPDATE `representations` SET `current_stage_id` = NEW.`id`, `current_stage_kind` = NEW.`kind`, `next_due_on` = NEW.`next_due_on` WHERE `id` = NEW.`representation_id`;
END;--> statement-breakpoint
CREATE TRIGGER `stages_current_update` AFTER UPDATE OF `kind`, `next_due_on` ON `stages`
BEGIN
  UPDATE `representations` SET `current_stage_kind` = NEW.`kind`, `next_due_on` = NEW.`next_due_on` WHERE `id` = NEW.`representation_id` AND `current_stage_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `stages_current_delete` AFTER DELETE ON `stages`
BEGIN
  UPDATE `representations` SET (`current_stage_id`, `current_stage_kind`, `next_due_on`) = (SELECT `id`, `kind`, `next_due_on` FROM `stages` WHERE `stages`.`representation_id` = OLD.`representation_id` ORDER BY `sequence` DESC LIMIT 1) WHERE `id` = OLD.`representation_id` AND `current_stage_id` = OLD.`id`;
END;--> statement-breakpoint
-- Search by reference or name: an FTS5 trigram index (any part of a name, three letters or more,
-- without reading every row). External content: the text stays in `representations`; triggers
-- keep the index in step, including when retention blanks a name. A migration that rebuilds
-- `representations` drops these triggers and must create them again.
CREATE VIRTUAL TABLE `representations_search` USING fts5(`reference`, `person_name`, `child_name`, content='representations', content_rowid='id', tokenize='trigram');--> statement-breakpoint
INSERT INTO `representations_search`(`representations_search`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `representations_search_insert` AFTER INSERT ON `representations`
BEGIN
  INSERT INTO `representations_search`(`rowid`, `reference`, `person_name`, `child_name`) VALUES (NEW.`id`, NEW.`reference`, NEW.`person_name`, NEW.`child_name`);
END;--> statement-breakpoint
CREATE TRIGGER `representations_search_delete` AFTER DELETE ON `representations`
BEGIN
  INSERT INTO `representations_search`(`representations_search`, `rowid`, `reference`, `person_name`, `child_name`) VALUES ('delete', OLD.`id`, OLD.`reference`, OLD.`person_name`, OLD.`child_name`);
END;--> statement-breakpoint
CREATE TRIGGER `representations_search_update` AFTER UPDATE OF `reference`, `person_name`, `child_name` ON `representations`
BEGIN
  INSERT INTO `representations_search`(`representations_search`, `rowid`, `reference`, `person_name`, `child_name`) VALUES ('delete', OLD.`id`, OLD.`reference`, OLD.`person_name`, OLD.`child_name`);
  INSERT INTO `representations_search`(`rowid`, `reference`, `person_name`, `child_name`) VALUES (NEW.`id`, NEW.`reference`, NEW.`person_name`, NEW.`child_name`);
END;
