import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Tag } from '~/components/nhs'
import { can, requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { listEditions } from '~/modules/framework/framework.server'
import { EDITION_STATUS_LABELS } from '~/modules/framework/labels'
import { formatDate } from '~/utils/dates'

export const meta: MetaFunction = () => [{ title: 'Outcomes framework - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:view')
  return { editions: await listEditions({ includeDrafts: can(user, 'framework:manage') }) }
}

export default function FrameworkIndex() {
  const { editions } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Quality and improvement outcomes framework</h1>
      <p className="nhsuk-lede-text">
        The six outcomes NHS library and knowledge services are assessed against, with the levels of attainment and the
        evidence that typically shows them.
      </p>
      {editions.map((edition) => (
        <section key={edition.code} aria-labelledby={`edition-${edition.code}`}>
          <h2 id={`edition-${edition.code}`}>
            <a href={`/framework/${edition.code}`}>{edition.name}</a>{' '}
            <Tag colour={edition.status === 'PUBLISHED' ? 'green' : 'grey'}>
              {EDITION_STATUS_LABELS[edition.status] ?? edition.status}
            </Tag>
          </h2>
          {edition.publishedAt ? (
            <p className="nhsuk-body-s">
              Published {formatDate(edition.publishedAt)}. Used by {edition._count.cycles}{' '}
              {edition._count.cycles === 1 ? 'cycle' : 'cycles'}.
            </p>
          ) : null}
          <p>{edition.description}</p>
          <ol className="nhsuk-list nhsuk-list--number">
            {edition.outcomes.map((outcome) => (
              <li key={outcome.number}>
                <a href={`/framework/${edition.code}/outcomes/${outcome.number}`}>{outcome.shortTitle}</a>:{' '}
                {outcome.statement}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  )
}
