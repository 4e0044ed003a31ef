import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, InsetText } from '~/components/nhs'
import { OtherOutcomes } from '~/components/other-outcomes'
import { can, requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getOutcome, splitLines } from '~/modules/framework/framework.server'
import { integerParam, notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Outcome ${data.outcome.number}: ${data.outcome.shortTitle} - ${data.outcome.edition.name} - LKS Quality Portal`
      : 'Outcome - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:view')
  const outcome = await getOutcome(params.editionCode ?? '', integerParam(params.outcomeNumber, 1, 99), {
    includeDrafts: can(user, 'framework:manage'),
  })
  if (!outcome) notFound()
  return { outcome: { ...outcome, keyQuestions: splitLines(outcome.keyQuestions) } }
}

export default function OutcomePage() {
  const { outcome } = useLoaderData<typeof loader>()
  const { edition } = outcome
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/framework', text: 'Framework' },
          { href: `/framework/${edition.code}`, text: edition.name },
        ]}
      />
      <span className="nhsuk-caption-l">{edition.name}</span>
      <h1>
        Outcome {outcome.number}: {outcome.shortTitle}
      </h1>
      <InsetText>
        <p>{outcome.statement}</p>
      </InsetText>
      <h2>Scope</h2>
      <p>{outcome.scope}</p>
      {outcome.whyItMatters ? (
        <>
          <h2>Why it matters</h2>
          <p>{outcome.whyItMatters}</p>
        </>
      ) : null}
      <h2>Key questions</h2>
      <ul>
        {outcome.keyQuestions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <h2>Levels and indicators</h2>
      <p>
        Levels are cumulative: a level is reached when all its indicators, and all the indicators of the levels below,
        are met and evidenced. Level 0 means nothing is in place yet.
      </p>
      {outcome.levels.map((level) => (
        <section key={level.level} aria-labelledby={`level-${level.level}`}>
          <h3 id={`level-${level.level}`}>Level {level.level}</h3>
          <p>{level.summary}</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {level.indicators.map((indicator) => (
              <li key={indicator.id}>
                <span className="app-framework-indicator-code">{indicator.code}</span> {indicator.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Suggested evidence</h2>
      <ul>
        {outcome.suggestedEvidence.map((e) => (
          <li key={e.text}>{e.text}</li>
        ))}
      </ul>
      <OtherOutcomes
        outcomes={edition.outcomes}
        current={outcome.number}
        href={(n) => `/framework/${edition.code}/outcomes/${n}`}
      />
    </>
  )
}
