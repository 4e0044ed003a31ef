import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { EditionStatusTag } from '~/components/edition-status-tag'
import { Breadcrumbs, ButtonLink, Table, VisuallyHidden } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { listEditionsForAdmin } from '~/modules/framework/editions.server'
import { formatDate } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Framework editions - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  return { editions: await listEditionsForAdmin(user) }
}

export default function EditionsAdmin() {
  const { editions } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <h1>Framework editions</h1>
      <p>
        To make a new edition, copy an existing one or import a JSON file. A new edition is a draft: change its
        outcomes, levels, indicators and suggested evidence, then publish it so cycles can use it.
      </p>
      <p>Once an edition is published or a cycle uses it, you can only fix its wording.</p>
      <Table
        caption="Editions"
        captionSize="m"
        responsive
        firstCellIsHeader
        head={['Edition', 'Status', 'Copied from', 'Used by', 'Action']}
        rows={editions.map((edition) => [
          <a key="name" href={`/admin/editions/${edition.code}`}>
            {edition.name}
          </a>,
          <span key="status">
            <EditionStatusTag status={edition.status} />
            {edition.publishedAt ? (
              <span className="nhsuk-body-s nhsuk-u-display-block">Published {formatDate(edition.publishedAt)}</span>
            ) : null}
          </span>,
          edition.basedOn ? edition.basedOn.name : 'Not a copy',
          edition.cycles.length > 0 ? edition.cycles.map((cycle) => cycle.name).join(', ') : 'No cycles',
          <a key="copy" href={`/admin/editions/new?from=${encodeURIComponent(edition.code)}`}>
            Copy<VisuallyHidden> {edition.name}</VisuallyHidden>
          </a>,
        ])}
      />
      <ButtonLink href="/admin/editions/import" variant="secondary">
        Import an edition
      </ButtonLink>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
