import { getInputProps, getTextareaProps, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { characterCountWords } from "~/domain/character-count-words";
import { optionId as idOfOption } from "~/domain/html-id";

// GOV.UK Design System markup for questions and errors. Every field sets aria-invalid and
// aria-describedby the same way, and error messages (i18next keys) are translated here.

// The form's own schema does not matter to a single field's markup.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>;

/**
 * Conform options for a public question page: the server alone checks what was sent (with the
 * same schema as without JavaScript), so the page's script carries no validation code (zod is
 * 20 KB gzipped; docs/decisions/036). Errors come back in the server's reply, as without JS.
 */
export function serverCheckedFormOptions<Shape extends Record<string, unknown> = Record<string, unknown>>(
  id: string,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, unknown>,
) {
  return {
    id,
    lastResult,
    defaultValue: defaultValue as DefaultValue<Shape>,
    shouldValidate: "onSubmit" as const,
    shouldRevalidate: "onSubmit" as const,
  };
}

const subscribeNothing = () => () => undefined;

/** False on the server and during hydration; true once JavaScript runs (progressive enhancement). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export function ErrorMessage({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation("form");
  if (!errors?.length) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errorPrefix")}</span> {t(errors[0] ?? "")}
    </p>
  );
}

export interface SummaryError {
  href: string;
  message: string;
}

/** Focused when it appears, so keyboard and screen reader users hear it first. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation("form");
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.href + e.message).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("errorSummaryTitle")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href}>
                <a href={error.href}>{t(error.message)}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Errors of the listed fields, in page order, linked to the field (or its first option). */
export function summaryErrors(fields: Array<{ field: { name: string; errors?: string[] } }>) {
  return fields.flatMap(({ field }) => (field.errors?.length ? [{ href: `#${field.name}`, message: field.errors[0] ?? "" }] : []));
}

function formGroupClass(invalid: boolean) {
  return invalid ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";
}

interface TextFieldProps {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "tel" | "password";
  autoComplete?: string;
  spellCheck?: boolean;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30" | "full";
  isPageHeading?: boolean;
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  spellCheck,
  width,
  isPageHeading,
}: TextFieldProps) {
  const id = field.name;
  const invalid = Boolean(field.errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const { key, ...inputProps } = getInputProps(field, { type, ariaAttributes: false });
  const labelElement = (
    <label className={isPageHeading ? "govuk-label govuk-label--l" : "govuk-label"} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={formGroupClass(invalid)}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} errors={field.errors} />
      <input
        key={key}
        {...inputProps}
        id={id}
        // The server is the judge of required fields and lengths (GOV.UK: no native validation).
        required={undefined}
        maxLength={undefined}
        minLength={undefined}
        pattern={undefined}
        className={[
          "govuk-input",
          width && width !== "full" ? `govuk-input--width-${width}` : "",
          invalid ? "govuk-input--error" : "",
        ]
          .filter(Boolean)
          .join(" ")}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}

interface TextareaFieldProps {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  maxLength: number;
  rows?: number;
  isPageHeading?: boolean;
}

/** A textarea with a character count that informs but never truncates. */
export function TextareaField({ field, label, hint, maxLength, rows = 8, isPageHeading }: TextareaFieldProps) {
  const { t, i18n } = useTranslation("form");
  const words = useRouteLoaderData<{ words?: string; language?: string }>("root");
  const id = field.name;
  const invalid = Boolean(field.errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const countId = `${id}-info`;
  const { key, ...textareaProps } = getTextareaProps(field, { ariaAttributes: false });
  const labelElement = (
    <label className={isPageHeading ? "govuk-label govuk-label--l" : "govuk-label"} htmlFor={id}>
      {label}
    </label>
  );
  const length = typeof field.value === "string" ? field.value.length : 0;
  const remaining = maxLength - length;
  return (
    // GOV.UK Frontend's character count counts as the person types on pages React does not
    // hydrate (public pages), in the page's words (docs/decisions/046); React does it on staff pages.
    <div
      className="govuk-character-count"
      data-module="govuk-character-count"
      data-maxlength={maxLength}
      {...characterCountWords((key) => i18n.getResource(words?.words ?? i18n.language, "form", key) as string | undefined, words?.language ?? "en", t("characterCount.remaining", { count: 0 }))}
    >
      <div className={formGroupClass(invalid)}>
        {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errors={field.errors} />
        <textarea
          key={key}
          {...textareaProps}
          id={id}
          required={undefined}
          maxLength={undefined}
          minLength={undefined}
          className={invalid ? "govuk-textarea govuk-js-character-count govuk-textarea--error" : "govuk-textarea govuk-js-character-count"}
          rows={rows}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(hintId, errorId, countId)}
        />
        <div
          id={countId}
          className={
            remaining < 0
              ? "govuk-error-message govuk-character-count__message"
              : "govuk-hint govuk-character-count__message"
          }
          aria-live="polite"
        >
          {remaining >= 0
            ? t("characterCount.remaining", { count: remaining, max: maxLength })
            : t("characterCount.over", { count: -remaining, max: maxLength })}
        </div>
      </div>
    </div>
  );
}

interface RadiosFieldProps<T extends string> {
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: T; label: ReactNode; hint?: ReactNode; conditional?: ReactNode }>;
  isPageHeading?: boolean;
  inline?: boolean;
}

/**
 * Radios; an option's conditional questions are rendered by the server and shown to everyone
 * without JavaScript, and hidden until chosen once JavaScript runs (as GOV.UK Frontend does).
 */
export function RadiosField<T extends string>({ field, legend, hint, options, isPageHeading, inline }: RadiosFieldProps<T>) {
  const hydrated = useHydrated();
  const [selected, setSelected] = useState(typeof field.initialValue === "string" ? field.initialValue : undefined);
  const id = field.name;
  const invalid = Boolean(field.errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  return (
    <div className={formGroupClass(invalid)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend
          className={
            isPageHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--m"
          }
        >
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errors={field.errors} />
        <div className={inline ? "govuk-radios govuk-radios--inline" : "govuk-radios"} data-module="govuk-radios">
          {options.map((option, index) => {
            // The first option carries the field's id, so the error summary can link to it.
            const optionId = index === 0 ? id : idOfOption(id, option.value);
            const optionHintId = option.hint ? `${optionId}-item-hint` : undefined;
            const conditionalId = `conditional-${idOfOption(id, option.value)}`;
            return (
              <div key={option.value}>
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={field.name}
                  type="radio"
                  value={option.value}
                  defaultChecked={field.initialValue === option.value}
                  aria-describedby={optionHintId}
                  aria-controls={option.conditional && hydrated ? conditionalId : undefined}
                  // Public pages are not hydrated: GOV.UK Frontend's Radios turns this into
                  // aria-controls and hides the questions until the option is chosen.
                  data-aria-controls={option.conditional ? conditionalId : undefined}
                  onChange={() => setSelected(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={optionHintId} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
              {option.conditional ? (
                <div
                  className={
                    hydrated && selected !== option.value
                      ? "govuk-radios__conditional govuk-radios__conditional--hidden"
                      : "govuk-radios__conditional"
                  }
                  id={conditionalId}
                >
                  {option.conditional}
                </div>
              ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A fieldset's legend, as the page's heading when it is the page's one question (GOV.UK pattern). */
function PageHeadingLegend({ isPageHeading, size = "m", children }: { isPageHeading?: boolean; size?: "s" | "m"; children: ReactNode }) {
  return isPageHeading ? (
    <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
      <h1 className="govuk-fieldset__heading">{children}</h1>
    </legend>
  ) : (
    <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>{children}</legend>
  );
}

interface CheckboxesFieldProps {
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  isPageHeading?: boolean;
}

export function CheckboxesField({ field, legend, hint, options, isPageHeading }: CheckboxesFieldProps) {
  const id = field.name;
  const invalid = Boolean(field.errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const initial: unknown = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial.map(String) : typeof initial === "string" ? [initial] : []);
  return (
    <div className={formGroupClass(invalid)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <PageHeadingLegend isPageHeading={isPageHeading}>{legend}</PageHeadingLegend>
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errors={field.errors} />
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : idOfOption(id, option.value);
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={optionId}
                  name={field.name}
                  type="checkbox"
                  value={option.value}
                  defaultChecked={checked.has(option.value)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One checkbox that must be ticked to agree to something. */
export function SingleCheckboxField({ field, label, hint, value }: { field: Field; label: ReactNode; hint?: ReactNode; value: string }) {
  const id = field.name;
  const invalid = Boolean(field.errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  return (
    <div className={formGroupClass(invalid)}>
      <ErrorMessage id={`${id}-error`} errors={field.errors} />
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={field.name}
            type="checkbox"
            value={value}
            defaultChecked={field.initialValue === value}
            aria-describedby={describedBy(hintId, errorId)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div id={hintId} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

interface DateFieldProps {
  day: Field;
  month: Field;
  year: Field;
  legend: ReactNode;
  hint?: ReactNode;
  isPageHeading?: boolean;
}

/** GOV.UK date input: one error for the three boxes, on the day box's id. */
export function DateField({ day, month, year, legend, hint, isPageHeading }: DateFieldProps) {
  const { t } = useTranslation("form");
  const id = day.name;
  const errors = day.errors ?? month.errors ?? year.errors;
  const invalid = Boolean(errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const box = (field: Field, labelKey: string, width: string, autoFocusFirst: boolean) => {
    const { key, ...props } = getInputProps(field, { type: "text", ariaAttributes: false });
    return (
      <div className="govuk-date-input__item" key={field.name}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={field.name}>
            {t(labelKey)}
          </label>
          <input
            key={key}
            {...props}
            id={field.name}
            required={undefined}
            maxLength={undefined}
            className={`govuk-input govuk-date-input__input govuk-input--width-${width}${invalid ? " govuk-input--error" : ""}`}
            inputMode="numeric"
            aria-invalid={(invalid && autoFocusFirst) || undefined}
          />
        </div>
      </div>
    );
  };
  return (
    <div className={formGroupClass(invalid)}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hintId, errorId)}>
        <PageHeadingLegend isPageHeading={isPageHeading} size="s">
          {legend}
        </PageHeadingLegend>
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errors={errors} />
        <div className="govuk-date-input" id={`${id}-input`}>
          {box(day, "date.day", "2", true)}
          {box(month, "date.month", "2", false)}
          {box(year, "date.year", "4", false)}
        </div>
      </fieldset>
    </div>
  );
}

interface SelectFieldProps {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder: string;
  isPageHeading?: boolean;
}

export function SelectField({ field, label, hint, options, placeholder, isPageHeading }: SelectFieldProps) {
  const id = field.name;
  const invalid = Boolean(field.errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const labelElement = (
    <label className={isPageHeading ? "govuk-label govuk-label--l" : "govuk-label govuk-label--s"} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={formGroupClass(invalid)}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} errors={field.errors} />
      <select
        className={invalid ? "govuk-select govuk-select--error" : "govuk-select"}
        id={id}
        name={field.name}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hintId, errorId)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
