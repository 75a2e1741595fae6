/** Teams named in the councils' reports; a council renames, adds and retires its own. */
export const DEFAULT_TEAMS = [
  "Children's social work",
  "Children in care",
  "Care leavers",
  "Fostering",
  "Adoption",
  "Disabled children's service",
  "Early help",
  "Multi-agency safeguarding hub (MASH)",
  "Special educational needs and disabilities (SEND)",
  "Youth justice",
] as const;

/**
 * The default teams in plain words for easy read (a young person rarely knows what "MASH" is),
 * by their default name. A council edits them on each team's page.
 */
export const DEFAULT_TEAM_EASY_READ_NAMES: Record<(typeof DEFAULT_TEAMS)[number], string> = {
  "Children's social work": "Your social worker",
  "Children in care": "Children who live in care",
  "Care leavers": "Help when you leave care",
  Fostering: "Foster care",
  Adoption: "Adoption",
  "Disabled children's service": "Disabled children",
  "Early help": "Early help",
  "Multi-agency safeguarding hub (MASH)": "Keeping children safe (MASH)",
  "Special educational needs and disabilities (SEND)": "Help with special needs at school (SEND)",
  "Youth justice": "Help when you are in trouble with the police",
};
