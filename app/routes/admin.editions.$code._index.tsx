import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { EditionStatusTag } from '~/components/edition-status-tag'
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  InsetText,
  SummaryList,
  Table,
  VisuallyHidden,
  WarningCallout,
} from '~/components/nhs'
import { can, requirePermission } from '~/modules/auth/permissions'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { WORDING_ONLY_NOTICE } from '~/modules/framework/edition-rules'
import { PublishEditionSchema } from '~/modules/framework/edition-schema'
import { getEditionForAdmin, publishEdition } from '~/modules/framework/editions.server'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.edition.name ?? 'Framework edition'} - Framework editions - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  const edition = await getEditionForAdmin(user, params.code ?? '')
  if (!edition) notFound()
  return { edition, mayMap: can(user, 'mapping:manage') }
}

const CONFLICT =
  'Someone else changed this edition while you were looking at it. Check the changes below, then publish again.'

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  requireRecentAuthentication(user, request)
  const submission = parseWithZod(await request.formData(), { schema: PublishEditionSchema })
  if (submission.status !== 'success') return data({ errors: [CONFLICT] }, { status: 400 })
  const code = params.code ?? ''
  const result = await publishEdition({
    actor: user,
    code,
    editionVersion: submission.value.editionVersion,
    ipAddress: context.clientAddress,
  })
  if (!result) notFound()
  if (!result.ok) {
    if (result.kind === 'incomplete') return data({ errors: result.problems }, { status: 400 })
    if (result.kind === 'not-draft')
      return data({ errors: ['This edition has already been published'] }, { status: 409 })
    return data({ errors: [CONFLICT] }, { status: 409 })
  }
  return redirectWithFlash(request, `/admin/editions/${encodeURIComponent(code)}`, {
    type: 'success',
    title: 'Edition published',
    description: 'Cycles can now use it, and you can only fix its wording.',
  })
}

export default function EditionAdminPage() {
  const { edition, mayMap } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/admin/editions/${encodeURIComponent(edition.code)}`
  const inUse = edition.cycles.length > 0
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
          { href: '/admin/editions', text: 'Framework editions' },
        ]}
      />
      <ErrorSummary
        title="This edition cannot be published yet"
        errors={(actionData?.errors ?? []).map((text) => ({ href: '#publish', text }))}
      />
      <span className="nhsuk-caption-l">Framework edition</span>
      <h1>{edition.name}</h1>
      {edition.mode === 'wording' ? (
        <InsetText>
          <p>{inUse ? WORDING_ONLY_NOTICE : 'This edition is published: you can only fix wording.'}</p>
        </InsetText>
      ) : null}
      <SummaryList
        rows={[
          { key: 'Status', value: <EditionStatusTag status={edition.status} /> },
          { key: 'Code', value: edition.code },
          ...(edition.publishedAt ? [{ key: 'Published', value: formatDate(edition.publishedAt) }] : []),
          {
            key: 'Copied from',
            value: edition.basedOn ? (
              <a href={`/admin/editions/${encodeURIComponent(edition.basedOn.code)}`}>{edition.basedOn.name}</a>
            ) : (
              'Not a copy'
            ),
          },
          {
            key: 'Used by',
            value: inUse ? (
              <ul className="nhsuk-list">
                {edition.cycles.map((cycle) => (
                  <li key={cycle.id}>
                    <a href={`/cycles/${cycle.id}`}>{cycle.name}</a>
                  </li>
                ))}
              </ul>
            ) : (
              'No cycles'
            ),
          },
          {
            key: 'Description',
            value: edition.description ? <span className="app-preserve-lines">{edition.description}</span> : 'None',
          },
        ]}
      />
      <Table
        caption="Outcomes"
        captionSize="m"
        responsive
        firstCellIsHeader
        head={['Outcome', 'Indicators by level', 'Action']}
        rows={edition.outcomes.map((outcome) => [
          `Outcome ${outcome.number}: ${outcome.shortTitle}`,
          outcome.levels.map((l) => `level ${l.level}: ${l.indicatorCount}`).join(', '),
          <a key="edit" href={`${base}/outcomes/${outcome.number}`}>
            {edition.mode === 'wording' ? 'Fix wording' : 'Edit'}
            <VisuallyHidden> outcome {outcome.number}</VisuallyHidden>
          </a>,
        ])}
      />
      {edition.status === 'DRAFT' ? (
        <section aria-labelledby="publish" className="nhsuk-u-margin-bottom-6">
          <h2 id="publish" tabIndex={-1}>
            Publish
          </h2>
          {edition.problems.length > 0 ? (
            <WarningCallout heading="Before you can publish">
              <ul>
                {edition.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </WarningCallout>
          ) : (
            <p>Once published, cycles can use this edition and you can only fix its wording.</p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="editionVersion" value={edition.version} />
            <Button type="submit">Publish edition</Button>
          </Form>
        </section>
      ) : null}
      <h2>Other actions</h2>
      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/export.json`} download={`framework-edition-${edition.code}.json`}>
            Export as JSON
          </a>
        </li>
        <li>
          <a href={`/admin/editions/new?from=${encodeURIComponent(edition.code)}`}>Copy this edition</a>
        </li>
        <li>
          <a href={`/framework/${encodeURIComponent(edition.code)}`}>View in the framework browser</a>
        </li>
        {mayMap ? (
          <li>
            <a href={`${base}/mapping`}>Map outcomes from an earlier edition</a>
          </li>
        ) : null}
      </ul>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
