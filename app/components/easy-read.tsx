import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Picture } from "~/domain/form/pictures";
import { RichText } from "./rich-text";

/**
 * A picture from the icon set (drawn on the server from the page's data), on a soft disc in the
 * council's colours. It only decorates: screen readers skip it.
 */
export function EasyReadIcon({ picture }: { picture: Picture | undefined }) {
  if (!picture) return null;
  return (
    <svg className="speakup-icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="24" className="speakup-icon__disc" />
      <svg x="9" y="9" width="30" height="30" viewBox={picture.viewBox}>
        {picture.paths.map((d) => (
          <path key={d} d={d} className="speakup-icon__shape" />
        ))}
      </svg>
    </svg>
  );
}

/** One main point in easy read: a picture beside short words, key words in bold. */
export function EasyReadPoint({ picture, text, children }: { picture: Picture | undefined; text: string; children?: ReactNode }) {
  return (
    <li className="speakup-point">
      <EasyReadIcon picture={picture} />
      <div className="speakup-point__text">
        <p className="govuk-body">
          <RichText text={text} />
        </p>
        {children}
      </div>
    </li>
  );
}

/** A main question in easy read, its picture at the start of the heading's line (main.scss). */
export function PicturedQuestion({ picture, children }: { picture: Picture | undefined; children: ReactNode }) {
  if (!picture) return <>{children}</>;
  return (
    <div className="speakup-pictured" data-testid="pictured-question">
      <EasyReadIcon picture={picture} />
      {children}
    </div>
  );
}

export type YoungPersonPictures = Partial<Record<"noTrouble" | "advocate" | "helper" | "whatNext", Picture>>;

/** What a young person needs to hear before they start. */
export function YoungPersonPoints({
  pictures,
  advocacyProvider,
  advocacyPhone,
}: {
  pictures: YoungPersonPictures;
  advocacyProvider?: string;
  advocacyPhone?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="speakup-points" aria-labelledby="young-person-points">
      <h2 className="govuk-heading-m" id="young-person-points">
        {t("youngPerson.heading")}
      </h2>
      <ul className="speakup-points__list">
        <EasyReadPoint picture={pictures.noTrouble} text={t("youngPerson.noTrouble")} />
        <EasyReadPoint picture={pictures.advocate} text={t("youngPerson.advocate", { provider: advocacyProvider, phone: advocacyPhone })} />
        <EasyReadPoint picture={pictures.helper} text={t("youngPerson.helper")} />
        <EasyReadPoint picture={pictures.whatNext} text={t("youngPerson.whatNext")} />
      </ul>
    </section>
  );
}
