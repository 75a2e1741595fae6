import type { ReactNode } from "react";

/**
 * A value's column name, shown above it when a `speakup-cards` table becomes a list of summary
 * cards below the tablet width. Hidden from screen readers: they hear the table's own headings.
 */
export function CardLabel({ children }: { children: string }) {
  return (
    <span className="speakup-card-label" aria-hidden="true">
      {children}
    </span>
  );
}

/** A table cell that carries its column's name, shown above the value when the table is a card. */
export function CardCell({ label, className, children }: { label: string; className?: string; children?: ReactNode }) {
  return (
    <td className={className ? `govuk-table__cell ${className}` : "govuk-table__cell"}>
      <CardLabel>{label}</CardLabel>
      {children}
    </td>
  );
}
