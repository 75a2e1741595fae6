import enCasework from "../locales/en/casework.json";
import enCheck from "../locales/en/check.json";
import enCommon from "../locales/en/common.json";
import enEmails from "../locales/en/emails.json";
import enForm from "../locales/en/form.json";
import enStaff from "../locales/en/staff.json";
import enEasyCheck from "../locales/en-easy/check.json";
import enEasyCommon from "../locales/en-easy/common.json";
import enEasyEmails from "../locales/en-easy/emails.json";
import enEasyForm from "../locales/en-easy/form.json";
import plCheck from "../locales/pl/check.json";
import plCommon from "../locales/pl/common.json";
import plEmails from "../locales/pl/emails.json";
import plForm from "../locales/pl/form.json";
import urCheck from "../locales/ur/check.json";
import urCommon from "../locales/ur/common.json";
import urEmails from "../locales/ur/emails.json";
import urForm from "../locales/ur/form.json";

// Every set of words in every namespace, bundled into the server (docs/decisions/004). Server
// only: all of it is 350 KB of script, and a page needs one language's words for its own pages
// (app/i18n/words.client.ts, docs/decisions/036).
export const resources = {
  en: { common: enCommon, form: enForm, staff: enStaff, casework: enCasework, emails: enEmails, check: enCheck },
  "en-easy": { common: enEasyCommon, form: enEasyForm, emails: enEasyEmails, check: enEasyCheck },
  pl: { common: plCommon, form: plForm, emails: plEmails, check: plCheck },
  ur: { common: urCommon, form: urForm, emails: urEmails, check: urCheck },
} as const;
