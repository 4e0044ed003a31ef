import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Card } from '~/components/nhs'
import { can, requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getEdition } from '~/modules/framework/framework.server'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.edition.name ?? 'Framework edition'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:view')
  const edition = await getEdition(params.editionCode ?? '', { includeDrafts: can(user, 'framework:manage') })
  if (!edition) notFound()
  return { edition }
}

export default function EditionPage() {
  const { edition } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/framework', text: 'Framework' },
        ]}
      />
      <h1>{edition.name}</h1>
      <p>{edition.description}</p>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {edition.outcomes.map((outcome) => (
          <li key={outcome.number} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
            <Card
              heading={`Outcome ${outcome.number}: ${outcome.shortTitle}`}
              headingLevel={2}
              href={`/framework/${edition.code}/outcomes/${outcome.number}`}
              description={outcome.statement}
              clickable
            />
          </li>
        ))}
      </ul>
    </>
  )
}
