import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, ErrorSummary } from '~/components/nhs'
import {
  EvidenceBreadcrumbs,
  EvidenceDetailsFields,
  WebLinkField,
  evidenceDetailsProps,
  evidenceErrorSummary,
  textValue,
} from '~/components/evidence/evidence-form-parts'
import { requireUser } from '~/modules/auth/session.server'
import { getEvidenceItemSummary, updateEvidenceItem } from '~/modules/evidence/evidence.server'
import { editEvidenceSchema } from '~/modules/evidence/schema'
import { partsFromDate } from '~/utils/date-input'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Edit evidence - LKS Quality Portal' }]

const FIELDS = ['title', 'description', 'evidenceDateFrom', 'evidenceDateTo', 'url'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  return {
    item: { id: item.id, title: item.title, isLink: item.isLink, libraryService: item.libraryService },
    defaultValue: {
      title: item.title,
      description: item.description,
      evidenceDateFrom: partsFromDate(item.evidenceDateFrom),
      evidenceDateTo: partsFromDate(item.evidenceDateTo),
      url: item.url ?? undefined,
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  const submission = parseWithZod(await request.formData(), { schema: editEvidenceSchema({ isLink: item.isLink }) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { url, ...details } = submission.value
  await updateEvidenceItem({
    actor: user,
    itemId: item.id,
    details,
    url: url ?? null,
    ipAddress: context.clientAddress,
  })
  return redirectWithFlash(request, `/evidence/${item.id}`, { type: 'success', title: 'Evidence updated' })
}

export default function EditEvidence() {
  const { item, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'edit-evidence',
    lastResult: actionData?.result,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editEvidenceSchema({ isLink: item.isLink }) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <EvidenceBreadcrumbs libraryServiceId={item.libraryService.id} item={item} />
        <ErrorSummary errors={evidenceErrorSummary(form.allErrors, FIELDS)} />
        <span className="nhsuk-caption-l">{item.libraryService.name}</span>
        <h1>Edit evidence details</h1>
        <Form method="post" {...getFormProps(form)}>
          <EvidenceDetailsFields {...evidenceDetailsProps(fields)} />
          {item.isLink ? (
            <WebLinkField
              defaultValue={textValue(fields.url.initialValue)}
              error={fields.url.errors?.[0]}
              hint="The address of the web page. For example, https://www.example.nhs.uk/annual-report"
            />
          ) : null}
          <div className="nhsuk-button-group">
            <Button type="submit">Save changes</Button>
            <a className="nhsuk-link" href={`/evidence/${item.id}`}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('evidence')
