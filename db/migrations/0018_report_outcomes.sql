ALTER TABLE `experience_responses` ADD `young_person` integer;--> statement-breakpoint
ALTER TABLE `representations` ADD `advocacy_referred` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- hand-written:
-- Referrals already made: the public form sent one when the person wanted an advocate and agreed to the referral.
UPDATE `representations` SET `advocacy_referred` = 1 WHERE json_extract(`answers`, '$."advocate-offer".wantsAdvocate') = 'yes' AND json_extract(`answers`, '$."advocate-offer".advocacyConsent') = 'yes';
