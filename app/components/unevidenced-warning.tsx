import { WarningCallout } from '~/components/nhs'

type Outcome = { number: number; shortTitle: string; unevidenced: ReadonlyArray<string> }

/**
 * The unevidenced-indicator warnings of every outcome: indicators of the claimed level and below
 * with no linked evidence. A warning, not a problem: the narrative may explain them. With `base`,
 * each outcome links to its indicators so that the service can change them.
 */
export function UnevidencedWarning({ outcomes, base }: { outcomes: ReadonlyArray<Outcome>; base?: string }) {
  const warned = outcomes.filter((o) => o.unevidenced.length > 0)
  if (warned.length === 0) return null
  return (
    <WarningCallout heading="Some indicators have no linked evidence" headingLevel={2}>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {warned.map((o) => {
          const label = `Outcome ${o.number}, ${o.shortTitle}: ${o.unevidenced.join(', ')}`
          return (
            <li key={o.number}>{base ? <a href={`${base}/outcomes/${o.number}#indicators`}>{label}</a> : label}</li>
          )
        })}
      </ul>
      <p className="nhsuk-body">Each needs linked evidence or an explanation in the narrative.</p>
    </WarningCallout>
  )
}
