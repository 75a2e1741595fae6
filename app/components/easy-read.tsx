import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RichText } from "./rich-text";

export const iconNames = ["shield", "friend", "helper", "clock", "speech"] as const;
export type IconName = (typeof iconNames)[number];

/** Small friendly pictures drawn for easy read. They only decorate: screen readers skip them. */
export function EasyReadIcon({ name }: { name: IconName }) {
  return (
    <svg className="speakup-icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="23" className="speakup-icon__disc" />
      {name === "shield" ? (
        <>
          <path d="M24 9l12 5v9c0 8-5 13-12 16-7-3-12-8-12-16v-9z" className="speakup-icon__shape" />
          <path d="M18 24l4 4 8-9" className="speakup-icon__line" />
        </>
      ) : null}
      {name === "friend" ? (
        <>
          <circle cx="17" cy="17" r="5" className="speakup-icon__shape" />
          <circle cx="31" cy="17" r="5" className="speakup-icon__shape" />
          <path d="M8 36c0-7 4-11 9-11s9 4 9 11zM22 36c0-7 4-11 9-11s9 4 9 11z" className="speakup-icon__shape" />
        </>
      ) : null}
      {name === "helper" ? (
        <>
          <path d="M12 34l14-14 4 4-14 14h-4z" className="speakup-icon__shape" />
          <path d="M28 18l3-3 4 4-3 3" className="speakup-icon__line" />
          <path d="M11 12h12M11 17h7" className="speakup-icon__line" />
        </>
      ) : null}
      {name === "clock" ? (
        <>
          <circle cx="24" cy="24" r="13" className="speakup-icon__shape" />
          <path d="M24 16v9l6 4" className="speakup-icon__line" />
        </>
      ) : null}
      {name === "speech" ? (
        <>
          <path d="M10 12h28v18H22l-8 7v-7h-4z" className="speakup-icon__shape" />
          <path d="M16 19h16M16 24h10" className="speakup-icon__line" />
        </>
      ) : null}
    </svg>
  );
}

/** One main point in easy read: a picture beside short words, key words in bold. */
export function EasyReadPoint({ icon, text, children }: { icon: IconName; text: string; children?: ReactNode }) {
  return (
    <li className="speakup-point">
      <EasyReadIcon name={icon} />
      <div className="speakup-point__text">
        <p className="govuk-body">
          <RichText text={text} />
        </p>
        {children}
      </div>
    </li>
  );
}

/** What a young person needs to hear before they start. */
export function YoungPersonPoints({ advocacyProvider, advocacyPhone }: { advocacyProvider?: string; advocacyPhone?: string }) {
  const { t } = useTranslation();
  return (
    <section className="speakup-points" aria-labelledby="young-person-points">
      <h2 className="govuk-heading-m" id="young-person-points">
        {t("youngPerson.heading")}
      </h2>
      <ul className="speakup-points__list">
        <EasyReadPoint icon="shield" text={t("youngPerson.noTrouble")} />
        <EasyReadPoint icon="friend" text={t("youngPerson.advocate", { provider: advocacyProvider, phone: advocacyPhone })} />
        <EasyReadPoint icon="helper" text={t("youngPerson.helper")} />
        <EasyReadPoint icon="clock" text={t("youngPerson.whatNext")} />
      </ul>
    </section>
  );
}
