-- Custom SQL migration file, put your code below! --
-- hand-written:
-- Audit rows written before the audit kept only field names and coded values held the words of
-- notes, correspondence, restrictions, referrals and triage reasons, and staff names and emails.
-- Each such value is replaced by the marker the app now writes (NOT_KEPT in app/domain/audit.ts);
-- the field's name stays, and nothing else about any row changes. Values that are null stay null.
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.note', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.note') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.summary', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.summary') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.restricted', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.restricted') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.reason', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.reason') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.before.referredToName', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.before.referredToName') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.referredToName', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.referredToName') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.before.eligibility.sufficientInterestReason', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.before.eligibility.sufficientInterestReason') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.before.eligibility.childConsentNote', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.before.eligibility.childConsentNote') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.before.eligibility.discretionReason', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.before.eligibility.discretionReason') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.eligibility.sufficientInterestReason', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.eligibility.sufficientInterestReason') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.eligibility.childConsentNote', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.eligibility.childConsentNote') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.eligibility.discretionReason', '(not kept in the audit)') WHERE `entity` = 'representation' AND json_type(`details`, '$.after.eligibility.discretionReason') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.before.name', '(not kept in the audit)') WHERE `entity` = 'staff_user' AND json_type(`details`, '$.before.name') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.name', '(not kept in the audit)') WHERE `entity` = 'staff_user' AND json_type(`details`, '$.after.name') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.before.email', '(not kept in the audit)') WHERE `entity` = 'staff_user' AND json_type(`details`, '$.before.email') = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `details` = json_replace(`details`, '$.after.email', '(not kept in the audit)') WHERE `entity` = 'staff_user' AND json_type(`details`, '$.after.email') = 'text';
