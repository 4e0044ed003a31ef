import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CycleFields, cycleFormErrors } from '~/components/cycle-fields'
import { BackLink, Button, ErrorSummary } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { createCycle, listEditionOptions } from '~/modules/cycles/admin.server'
import { NewCycleSchema } from '~/modules/cycles/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Create a cycle - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  return { editions: await listEditionOptions(user) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const submission = parseWithZod(await request.formData(), { schema: NewCycleSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createCycle({ actor: user, form: submission.value, ipAddress: context.clientAddress })
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(request, `/admin/cycles/${result.cycleId}`, {
    type: 'success',
    title: `Cycle ${submission.value.name} created`,
    description: 'It is a draft. Choose the organisations taking part, then open it.',
  })
}

export default function NewCyclePage() {
  const { editions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-cycle',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewCycleSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/admin/cycles">Back to cycles</BackLink>
        <ErrorSummary errors={cycleFormErrors(form.allErrors)} />
        <h1>Create a cycle</h1>
        <p>The cycle is saved as a draft. Nobody else sees it until you open it.</p>
        <Form method="post" {...getFormProps(form)}>
          <CycleFields fields={fields} editions={editions} />
          <div className="nhsuk-button-group">
            <Button type="submit">Save cycle</Button>
            <a className="nhsuk-link" href="/admin/cycles">
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
