ALTER TABLE `teams` ADD `easy_read_name` text;--> statement-breakpoint
-- hand-written: the default teams get their easy-read names; a renamed or added team keeps none until an administrator gives it one.
UPDATE `teams` SET `easy_read_name` = 'Your social worker' WHERE `name` = 'Children''s social work' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Children who live in care' WHERE `name` = 'Children in care' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Help when you leave care' WHERE `name` = 'Care leavers' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Foster care' WHERE `name` = 'Fostering' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Adoption' WHERE `name` = 'Adoption' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Disabled children' WHERE `name` = 'Disabled children''s service' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Early help' WHERE `name` = 'Early help' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Keeping children safe (MASH)' WHERE `name` = 'Multi-agency safeguarding hub (MASH)' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Help with special needs at school (SEND)' WHERE `name` = 'Special educational needs and disabilities (SEND)' AND `easy_read_name` IS NULL;--> statement-breakpoint
UPDATE `teams` SET `easy_read_name` = 'Help when you are in trouble with the police' WHERE `name` = 'Youth justice' AND `easy_read_name` IS NULL;
