import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Picture } from "~/domain/form/pictures";
import type { DraftAnswers, StepId } from "~/domain/form/step-ids";
import { PicturedQuestion } from "./easy-read";
import {
  CheckboxesField,
  DateField,
  ErrorSummary,
  serverCheckedFormOptions,
  RadiosField,
  SelectField,
  SingleCheckboxField,
  TextareaField,
  TextField,
} from "./form-fields";
import { fieldNames, questionName, questionsFor, type Question } from "./question-pages";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's field map is keyed by name at run time
type Fields = Record<string, any>;

export interface QuestionPageProps {
  step: StepId;
  answers: DraftAnswers;
  teams: ReadonlyArray<readonly [string, string]>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  action: string;
  caption: string;
  /** Easy read shows one question of a page at a time; null shows them all. */
  part?: number | null;
  easyRead?: boolean;
  /** Easy read's pictures, by question name. */
  pictures?: Partial<Record<string, Picture>>;
}

/** Draws any question page from its definition, validating with the step's own schema. */
export function QuestionPage({ step, answers, teams, lastResult, action, caption, part = null, easyRead = false, pictures = {} }: QuestionPageProps) {
  const { t, i18n } = useTranslation("form");
  // The server checks the page when it is sent, with the step's schema (and, in easy read, only
  // the questions asked so far).
  const [form, fields] = useForm(serverCheckedFormOptions(`step-${step}-${part ?? "all"}`, lastResult, answers[step] as Record<string, unknown> | undefined));
  const all = questionsFor(step, { answers, teams, easyRead });
  const questions = part === null ? all : all.slice(part, part + 1);
  const single = questions.length === 1;
  const f = fields as Fields;
  const errors = fieldNames(questions).flatMap((name) => {
    const field = f[name];
    return field?.errors?.length ? [{ href: `#${name}`, message: field.errors[0] as string }] : [];
  });
  const introKey = `form:intros.${step}`;
  // The page's introduction belongs with its first question.
  const showIntro = (part === null || part === 0) && i18n.exists(introKey);

  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" action={action} {...getFormProps(form)}>
        <span className="govuk-caption-l">{caption}</span>
        {single ? null : <h1 className="govuk-heading-l">{t(`titles.${step}`)}</h1>}
        {showIntro ? <p className="govuk-body">{t(introKey)}</p> : null}
        {questions.map((question) => (
          <PicturedQuestion key={questionName(question)} picture={pictures[questionName(question)]}>
            <QuestionField question={question} fields={f} isPageHeading={single} teams={teams} />
          </PicturedQuestion>
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("continue")}
        </button>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/form/save?from=${step}`}>
          {t("saveForLater")}
        </Link>
      </p>
    </>
  );
}

function QuestionField({
  question: q,
  fields,
  isPageHeading,
  teams,
}: {
  question: Question;
  fields: Fields;
  isPageHeading: boolean;
  teams: ReadonlyArray<readonly [string, string]>;
}): ReactNode {
  const { t, i18n } = useTranslation("form");
  const name = questionName(q);
  const label = t(`questions.${name}.label`);
  const hintKey = `form:questions.${name}.hint`;
  const hint = i18n.exists(hintKey) ? t(hintKey) : undefined;
  const optionLabel = (value: string) => t(`options.${name}.${value}`);
  const optionHint = (value: string) => {
    const key = `form:optionHints.${name}.${value}`;
    return i18n.exists(key) ? t(key) : undefined;
  };

  switch (q.type) {
    case "radios":
      return (
        <RadiosField
          field={fields[q.name]}
          legend={label}
          hint={hint}
          isPageHeading={isPageHeading}
          inline={q.inline}
          options={q.options.map((value) => ({
            value,
            label: (q.teamNames ? new Map(teams).get(value) : undefined) ?? optionLabel(value),
            hint: optionHint(value),
            conditional: q.conditional?.[value]?.map((c) => (
              <QuestionField key={questionName(c)} question={c} fields={fields} isPageHeading={false} teams={teams} />
            )),
          }))}
        />
      );
    case "checkboxes":
      return (
        <CheckboxesField
          field={fields[q.name]}
          legend={label}
          hint={hint}
          isPageHeading={isPageHeading}
          options={q.options.map((value) => ({ value, label: optionLabel(value) }))}
        />
      );
    case "checkbox":
      return <SingleCheckboxField field={fields[q.name]} label={label} hint={hint} value={q.value} />;
    case "text":
      return (
        <TextField
          field={fields[q.name]}
          label={label}
          hint={hint}
          type={q.inputType}
          autoComplete={q.autoComplete}
          width={q.width}
          spellCheck={q.spellCheck}
          isPageHeading={isPageHeading}
        />
      );
    case "textarea":
      return <TextareaField field={fields[q.name]} label={label} hint={hint} maxLength={q.maxLength} rows={q.rows} isPageHeading={isPageHeading} />;
    case "date":
      return (
        <DateField
          day={fields[`${q.prefix}Day`]}
          month={fields[`${q.prefix}Month`]}
          year={fields[`${q.prefix}Year`]}
          legend={label}
          hint={hint}
          isPageHeading={isPageHeading}
        />
      );
    case "select": {
      const teamNames = new Map(teams);
      return (
        <SelectField
          field={fields[q.name]}
          label={label}
          hint={hint}
          placeholder={t("selectPlaceholder")}
          isPageHeading={isPageHeading}
          options={q.options.map((value) => ({ value, label: teamNames.get(value) ?? optionLabel(value) }))}
        />
      );
    }
  }
}
