/** Links to the other outcomes of the same edition or submission, after the one on the page. */
export function OtherOutcomes({
  outcomes,
  current,
  href,
}: {
  outcomes: Array<{ number: number; shortTitle: string }>
  current: number
  href: (number: number) => string
}) {
  return (
    <nav aria-label="Other outcomes">
      <h2 className="nhsuk-heading-s">Other outcomes</h2>
      <ul className="nhsuk-list">
        {outcomes
          .filter((o) => o.number !== current)
          .map((o) => (
            <li key={o.number}>
              <a href={href(o.number)}>
                Outcome {o.number}: {o.shortTitle}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  )
}
