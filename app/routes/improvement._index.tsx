import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, Checkboxes, Select, Table } from '~/components/nhs'
import { PlanStatusTag } from '~/components/plan-status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { suppressionAt } from '~/modules/dashboards/suppression'
import { getImprovementDashboard } from '~/modules/improvement/dashboard.server'
import { getEnv } from '~/utils/env.server'
import { formatDate } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Service improvement - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const suppress = url.searchParams.get('suppress') === 'yes'
  const dashboard = await getImprovementDashboard(user, {
    cycleId: url.searchParams.get('cycle'),
    suppression: suppress ? suppressionAt(getEnv().SUPPRESSION_THRESHOLD) : null,
  })
  return { ...dashboard, suppress }
}

export default function ImprovementPage() {
  const { cycles, cycle, unknownCycle, views, organisations, leads, suppress } = useLoaderData<typeof loader>()
  const query = cycle ? `?cycle=${cycle.id}${suppress ? '&suppress=yes' : ''}` : ''
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <h1>Service improvement</h1>
      <p>
        Between full validations, every organisation submits a Service Improvement Plan for review and discussion every
        two years.
      </p>
      {unknownCycle ? <p>The cycle asked for is not one you can see; showing {cycle?.name ?? 'none'}.</p> : null}
      {cycles.length === 0 || !cycle ? (
        <p>There are no Service Improvement Plans for you to see yet.</p>
      ) : (
        <>
          <Form method="get">
            <Select
              name="cycle"
              id="cycle"
              label="Cycle"
              defaultValue={cycle.id}
              options={cycles.map((c) => ({ value: c.id, text: c.name }))}
            />
            {leads ? (
              <Checkboxes
                name="suppress"
                id="suppress"
                legend="Publication"
                legendSize="s"
                defaultValues={suppress ? ['yes'] : []}
                items={[{ value: 'yes', text: 'Suppress small numbers for publication' }]}
              />
            ) : null}
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </Form>
          <h2>
            {cycle.name} ({cycle.edition.name})
          </h2>
          {views.map((view) => (
            <section key={view.key} aria-labelledby={`view-${view.key}`}>
              <h3 id={`view-${view.key}`}>{view.title}</h3>
              <Table
                caption={view.title}
                captionSize="s"
                responsive
                firstCellIsHeader
                head={view.head}
                rows={view.rows.map((row) => row.map(String))}
              />
              <p>
                <a href={`/improvement/export.csv${query}&view=${view.key}`}>
                  Download as CSV<span className="nhsuk-u-visually-hidden">: {view.title}</span>
                </a>
              </p>
            </section>
          ))}
          {leads ? (
            <p>
              <a href={`/improvement/export.xlsx${query}`}>Download every view as an Excel workbook</a>
            </p>
          ) : null}
          <Table
            caption="Service Improvement Plans"
            captionSize="m"
            responsive
            head={['Organisation', 'Region', 'Status', 'Reviewer', 'Actions overdue', 'Next review']}
            rows={organisations.map((o) => [
              <a key="name" href={`/plans/${o.id}`}>
                {o.name}
              </a>,
              o.regionName,
              <PlanStatusTag key="status" status={o.status} />,
              o.reviewerName ?? 'Not assigned',
              `${o.overdue} of ${o.actions}`,
              o.nextReviewDate ? formatDate(o.nextReviewDate) : 'Not yet reviewed',
            ])}
          />
        </>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
