PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_stage_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stage_id` integer NOT NULL,
	`position` integer NOT NULL,
	`point` text NOT NULL,
	`finding` text NOT NULL,
	`reasons` text NOT NULL,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_stage_points`("id", "stage_id", "position", "point", "finding", "reasons") SELECT "id", "stage_id", "position", "point", "finding", "reasons" FROM `stage_points`;--> statement-breakpoint
DROP TABLE `stage_points`;--> statement-breakpoint
ALTER TABLE `__new_stage_points` RENAME TO `stage_points`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `stage_points_stage_position_idx` ON `stage_points` (`stage_id`,`position`);--> statement-breakpoint
-- hand-written: every reference value gets a code (decision record 048). Values without one (a
-- council's own, and seeded lists no rule reads) get `value-<id>`: unique, and never changed by a
-- rename. Keep this statement in step with assignMissingCodes in app/services/reference-lists.server.ts.
UPDATE reference_values SET code = 'value-' || id WHERE code IS NULL;--> statement-breakpoint
-- A stage answered before findings were codes, with a council's own finding, still holds
-- its label (decision record 028; points could hold only the six codes): it takes the value's code, so renaming the value renames it too.
UPDATE stages SET finding = (SELECT v.code FROM reference_values v WHERE v.list = 'finding' AND v.label = stages.finding)
  WHERE finding IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM reference_values v WHERE v.list = 'finding' AND v.code = stages.finding)
    AND EXISTS (SELECT 1 FROM reference_values v WHERE v.list = 'finding' AND v.label = stages.finding);
