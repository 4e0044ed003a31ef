import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs } from '~/components/nhs'
import { adminSectionsFor } from '~/modules/admin/sections'
import { requireUser } from '~/modules/auth/session.server'
import { forbidden } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const sections = adminSectionsFor(user)
  if (sections.length === 0) forbidden()
  return { sections: sections.map(({ href, title, description }) => ({ href, title, description })) }
}

export default function AdminHome() {
  const { sections } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <h1>Administration</h1>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {sections.map((section) => (
          <li key={section.href} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <a className="nhsuk-card__link" href={section.href}>
                    {section.title}
                  </a>
                </h2>
                <p className="nhsuk-card__description">{section.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
