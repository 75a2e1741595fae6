import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxesField, DateField, RadiosField, SelectField, SingleCheckboxField, TextareaField, TextField } from "./form-fields";
import type { Question } from "./question-pages";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's field map is keyed by name at run time
type Fields = Record<string, any>;

function questionKey(q: Question): string {
  return q.type === "date" ? q.prefix : q.name;
}

/**
 * One of the e-form's questions, drawn for staff logging a representation by hand: the same page
 * definitions (question-pages.ts), words (form.json) and field components as the public form.
 */
export function LoggedQuestion({ question: q, fields, teams }: { question: Question; fields: Fields; teams: ReadonlyArray<readonly [string, string]> }): ReactNode {
  const { t, i18n } = useTranslation("form");
  const name = questionKey(q);
  const label = t(`questions.${name}.label`);
  const hintKey = `form:questions.${name}.hint`;
  const hint = i18n.exists(hintKey) ? t(hintKey) : undefined;
  const optionLabel = (value: string) => t(`options.${name}.${value}`);
  switch (q.type) {
    case "radios":
      return (
        <RadiosField
          field={fields[q.name]}
          legend={label}
          hint={hint}
          inline={q.inline}
          options={q.options.map((value) => ({
            value,
            label: optionLabel(value),
            conditional: q.conditional?.[value]?.map((c) => <LoggedQuestion key={questionKey(c)} question={c} fields={fields} teams={teams} />),
          }))}
        />
      );
    case "checkboxes":
      return <CheckboxesField field={fields[q.name]} legend={label} hint={hint} options={q.options.map((value) => ({ value, label: optionLabel(value) }))} />;
    case "checkbox":
      return <SingleCheckboxField field={fields[q.name]} label={label} hint={hint} value={q.value} />;
    case "text":
      return <TextField field={fields[q.name]} label={label} hint={hint} type={q.inputType} width={q.width} spellCheck={q.spellCheck} />;
    case "textarea":
      return <TextareaField field={fields[q.name]} label={label} hint={hint} maxLength={q.maxLength} rows={q.rows} />;
    case "date":
      return <DateField day={fields[`${q.prefix}Day`]} month={fields[`${q.prefix}Month`]} year={fields[`${q.prefix}Year`]} legend={label} hint={hint} />;
    case "select": {
      const names = new Map(teams);
      return (
        <SelectField
          field={fields[q.name]}
          label={label}
          hint={hint}
          placeholder={t("selectPlaceholder")}
          options={q.options.map((value) => ({ value, label: names.get(value) ?? optionLabel(value) }))}
        />
      );
    }
  }
}
