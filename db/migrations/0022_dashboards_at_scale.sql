CREATE TABLE `received_counts` (
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`method_received` text NOT NULL,
	`received_from` text NOT NULL,
	`imported` integer NOT NULL,
	`count` integer NOT NULL,
	`answered` integer NOT NULL,
	PRIMARY KEY(`month`, `kind`, `method_received`, `received_from`, `imported`),
	CONSTRAINT "received_counts_kind_check" CHECK(kind IN ('complaint', 'compliment', 'comment'))
);
--> statement-breakpoint
CREATE INDEX `representations_deadlines_idx` ON `representations` (`next_due_on`,`reference`,`team_id`,`responding_manager_id`,`current_stage_id`,`current_stage_kind`) WHERE next_due_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX `stages_running_idx` ON `stages` (`representation_id`,`next_due_on`,`started_on`,`statement_agreed_on`,`handler_id`) WHERE next_due_on IS NOT NULL;
--> statement-breakpoint
-- hand-written:
-- The managers' dashboard's received counts (decision 051), filled once here and kept by the triggers below.
INSERT INTO `received_counts` (`month`, `kind`, `method_received`, `received_from`, `imported`, `count`, `answered`)
SELECT substr(r.`received_on`, 1, 7), r.`kind`, r.`method_received`, coalesce(r.`received_from`, ''), r.`imported_at` IS NOT NULL, count(*), count(e.`id`)
FROM `representations` r LEFT JOIN `equality_responses` e ON e.`representation_id` = r.`id` GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `received_counts_insert` AFTER INSERT ON `representations` BEGIN
  INSERT INTO `received_counts` (`month`, `kind`, `method_received`, `received_from`, `imported`, `count`, `answered`)
  VALUES (substr(NEW.`received_on`, 1, 7), NEW.`kind`, NEW.`method_received`, coalesce(NEW.`received_from`, ''), NEW.`imported_at` IS NOT NULL, 1, 0)
  ON CONFLICT (`month`, `kind`, `method_received`, `received_from`, `imported`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
-- A case's equality answers go before it does (the foreign key would delete them after, when the
-- case they were counted under can no longer be read), so their own trigger takes them off.
CREATE TRIGGER `received_counts_delete_answers` BEFORE DELETE ON `representations` BEGIN
  DELETE FROM `equality_responses` WHERE `representation_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `received_counts_delete` AFTER DELETE ON `representations` BEGIN
  UPDATE `received_counts` SET `count` = `count` - 1
  WHERE `month` = substr(OLD.`received_on`, 1, 7) AND `kind` = OLD.`kind` AND `method_received` = OLD.`method_received`
    AND `received_from` = coalesce(OLD.`received_from`, '') AND `imported` = (OLD.`imported_at` IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `received_counts_update` AFTER UPDATE OF `received_on`, `kind`, `method_received`, `received_from`, `imported_at` ON `representations`
WHEN substr(OLD.`received_on`, 1, 7) IS NOT substr(NEW.`received_on`, 1, 7) OR OLD.`kind` IS NOT NEW.`kind` OR OLD.`method_received` IS NOT NEW.`method_received`
  OR OLD.`received_from` IS NOT NEW.`received_from` OR (OLD.`imported_at` IS NULL) IS NOT (NEW.`imported_at` IS NULL) BEGIN
  UPDATE `received_counts` SET `count` = `count` - 1, `answered` = `answered` - (SELECT count(*) FROM `equality_responses` WHERE `representation_id` = OLD.`id`)
  WHERE `month` = substr(OLD.`received_on`, 1, 7) AND `kind` = OLD.`kind` AND `method_received` = OLD.`method_received`
    AND `received_from` = coalesce(OLD.`received_from`, '') AND `imported` = (OLD.`imported_at` IS NOT NULL);
  INSERT INTO `received_counts` (`month`, `kind`, `method_received`, `received_from`, `imported`, `count`, `answered`)
  VALUES (substr(NEW.`received_on`, 1, 7), NEW.`kind`, NEW.`method_received`, coalesce(NEW.`received_from`, ''), NEW.`imported_at` IS NOT NULL, 1,
    (SELECT count(*) FROM `equality_responses` WHERE `representation_id` = NEW.`id`))
  ON CONFLICT (`month`, `kind`, `method_received`, `received_from`, `imported`) DO UPDATE SET `count` = `count` + 1, `answered` = `answered` + excluded.`answered`;
END;
--> statement-breakpoint
CREATE TRIGGER `received_counts_answer_insert` AFTER INSERT ON `equality_responses` BEGIN
  UPDATE `received_counts` SET `answered` = `answered` + 1
  WHERE (`month`, `kind`, `method_received`, `received_from`, `imported`) =
    (SELECT substr(`received_on`, 1, 7), `kind`, `method_received`, coalesce(`received_from`, ''), `imported_at` IS NOT NULL FROM `representations` WHERE `id` = NEW.`representation_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `received_counts_answer_delete` AFTER DELETE ON `equality_responses` BEGIN
  UPDATE `received_counts` SET `answered` = `answered` - 1
  WHERE (`month`, `kind`, `method_received`, `received_from`, `imported`) =
    (SELECT substr(`received_on`, 1, 7), `kind`, `method_received`, coalesce(`received_from`, ''), `imported_at` IS NOT NULL FROM `representations` WHERE `id` = OLD.`representation_id`);
END;
