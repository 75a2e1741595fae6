import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { allRoles } from "~/domain/permissions";
import { CheckboxesField, RadiosField, TextField } from "./form-fields";

type AnyField = Parameters<typeof TextField>[0]["field"];

/** Name, roles, teams and the TOTP rule: the same on the invite and the edit pages. */
export function StaffAccountFields({
  fields,
  teams,
  afterName,
}: {
  // Conform types list fields differently from single ones; the markup is the same.
  fields: Record<"name" | "roles" | "teams" | "totp", unknown>;
  teams: Array<{ id: number; name: string; retired: boolean }>;
  /** The invite page's email field goes here, so the fields and the error summary share one order. */
  afterName?: ReactNode;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      <TextField field={fields.name as AnyField} label={t("users.name")} autoComplete="off" spellCheck={false} />
      {afterName}
      <CheckboxesField
        field={fields.roles as AnyField}
        legend={t("users.roles")}
        hint={t("users.rolesHint")}
        options={allRoles.map((role) => ({ value: role, label: `${t(`roles.${role}`)}: ${t(`roleDescriptions.${role}`)}` }))}
      />
      <CheckboxesField
        field={fields.teams as AnyField}
        legend={t("users.teams")}
        hint={t("users.teamsHint")}
        options={teams.map((team) => ({ value: String(team.id), label: team.retired ? t("teams.retiredName", { name: team.name }) : team.name }))}
      />
      <RadiosField
        field={fields.totp as AnyField}
        legend={t("users.totp")}
        options={[
          { value: "default", label: t("users.totpDefault") },
          { value: "required", label: t("users.totpRequired") },
          { value: "not-required", label: t("users.totpNotRequired") },
        ]}
      />
    </>
  );
}
