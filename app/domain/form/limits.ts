/** The longest answer each kind of box takes, in characters: checked by the server, shown by the pages. */
export const LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  shortText: 500,
  longText: 5000,
} as const;
