import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, ErrorSummary, InsetText, WarningCallout } from '~/components/nhs'
import { EvidenceBreadcrumbs } from '~/components/evidence/evidence-form-parts'
import { requireUser } from '~/modules/auth/session.server'
import { deleteEvidenceItem, getEvidenceItemSummary } from '~/modules/evidence/evidence.server'
import { LOCKED_ITEM_MESSAGE } from '~/modules/evidence/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Delete evidence - LKS Quality Portal' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  return {
    item: {
      id: item.id,
      title: item.title,
      archived: item.archived,
      fileCount: item.fileCount,
      lockedBySubmission: item.lockedBySubmission,
      libraryService: item.libraryService,
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const itemId = params.itemId ?? ''
  const result = await deleteEvidenceItem({ actor: user, itemId, ipAddress: context.clientAddress })
  if (!result.ok) return data({ error: LOCKED_ITEM_MESSAGE }, { status: 400 })
  return redirectWithFlash(request, `/services/${result.libraryServiceId}/evidence`, {
    type: 'success',
    title: 'Evidence deleted',
  })
}

export default function DeleteEvidence() {
  const { item } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const locked = item.lockedBySubmission || Boolean(actionData?.error)
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <EvidenceBreadcrumbs libraryServiceId={item.libraryService.id} item={item} />
        <ErrorSummary errors={actionData?.error ? [{ href: '#archive', text: actionData.error }] : []} />
        <span className="nhsuk-caption-l">{item.title}</span>
        {locked ? (
          <>
            <h1>You cannot delete this evidence</h1>
            <InsetText>{`${LOCKED_ITEM_MESSAGE}.`}</InsetText>
            {item.archived ? (
              <p>It is already archived.</p>
            ) : (
              <Form method="post" action={`/evidence/${item.id}/archive`} reloadDocument>
                <input type="hidden" name="intent" value="archive" />
                <Button type="submit" id="archive" variant="secondary">
                  Archive this evidence
                </Button>
              </Form>
            )}
            <p>
              <a href={`/evidence/${item.id}`}>Go back to the evidence</a>
            </p>
          </>
        ) : (
          <>
            <h1>Are you sure you want to delete ‘{item.title}’?</h1>
            <WarningCallout heading="This cannot be undone">
              {item.fileCount
                ? `Deleting removes the evidence, its ${item.fileCount === 1 ? 'file' : `${item.fileCount} files`} with every earlier version, and any links to outcomes in submissions that are still being written.`
                : 'Deleting removes the evidence and any links to outcomes in submissions that are still being written.'}
            </WarningCallout>
            <p>If you may need it again, archive it instead: archived evidence is hidden but kept.</p>
            <Form method="post">
              <div className="nhsuk-button-group">
                <Button type="submit" variant="warning">
                  Delete evidence
                </Button>
                <a className="nhsuk-link" href={`/evidence/${item.id}`}>
                  Cancel
                </a>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('evidence')
