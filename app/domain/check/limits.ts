/** How long each thing a person writes on "Check your complaint" may be (pages and server share them). */
export const UNRESOLVED_MAX = 5000;
export const LATE_MAX = 2000;
export const MESSAGE_MAX = 5000;
export const REASON_MAX = 2000;
/** What is wrong with the statement of complaint (decision record 041). */
export const CHANGES_MAX = 5000;
