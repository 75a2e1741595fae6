import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, serverCheckedFormOptions, RadiosField, summaryErrors } from "~/components/form-fields";
import { BackLink } from "~/components/layout";
import type { RouteHandle } from "~/components/page-title";
import { experienceAnswers } from "~/domain/check/experience";
import { answerExperience, personCase } from "~/services/check.server";
import { requireCheckSession } from "~/services/check-session.server";
import { type CheckFormShape, parseCheckForm } from "~/services/check-forms.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-data.server";

// "Check your complaint": the optional questions about the experience (decision record 031),
// kept apart from the case. Every question may be left blank.


export const handle: RouteHandle = { title: (t) => t("check:experience.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  if (!personCase(db, session)?.mayAskExperience) throw redirect("/check/complaint");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const session = await requireCheckSession(db, request);
  const submission = parseCheckForm(await readForm(request), "experience");
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  answerExperience(db, session, submission.value);
  // Answered, or no longer offered (answered in another tab): either way, back to the complaint.
  return redirect("/check/complaint?answered=true");
}

export default function ExperiencePage() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("check");
  const [form, fields] = useForm(serverCheckedFormOptions<CheckFormShape<"experience">>("check-experience", lastResult));
  const options = experienceAnswers.map((value) => ({ value, label: t(`experience.answers.${value}`) }));
  return (
    <>
      <BackLink to="/check/complaint" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summaryErrors([{ field: fields.easy }, { field: fields.listened }, { field: fields.again }])} />
          <h1 className="govuk-heading-l">{t("experience.title")}</h1>
          <p className="govuk-body">{t("experience.intro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <RadiosField field={fields.easy} legend={t("experience.questions.easy")} options={options} inline />
            <RadiosField field={fields.listened} legend={t("experience.questions.listened")} options={options} inline />
            <RadiosField field={fields.again} legend={t("experience.questions.again")} options={options} inline />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("experience.send")}
              </button>
              <Link className="govuk-link" to="/check/complaint">
                {t("experience.skip")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
