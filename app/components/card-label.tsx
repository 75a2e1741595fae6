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
