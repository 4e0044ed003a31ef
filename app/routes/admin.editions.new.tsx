import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, ErrorSummary, Select, TextInput, Textarea } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { LIMITS } from '~/modules/framework/edition-json'
import { CopyEditionSchema } from '~/modules/framework/edition-schema'
import { copyEdition, listEditionsForAdmin } from '~/modules/framework/editions.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Copy an edition - LKS Quality Portal' }]

const FIELDS = ['from', 'code', 'name', 'description'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  const editions = (await listEditionsForAdmin(user)).map((e) => ({ code: e.code, name: e.name }))
  const from = new URL(request.url).searchParams.get('from') ?? ''
  return { editions, from: editions.find((e) => e.code === from) ?? null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  const submission = parseWithZod(await request.formData(), { schema: CopyEditionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await copyEdition({ actor: user, form: submission.value, ipAddress: context.clientAddress })
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(request, `/admin/editions/${encodeURIComponent(result.code)}`, {
    type: 'success',
    title: 'Draft edition created',
    description: 'Change its content, then publish it.',
  })
}

export default function CopyEdition() {
  const { editions, from } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'copy-edition',
    lastResult: actionData?.result,
    defaultValue: { from: from?.code ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CopyEditionSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const value = (v: unknown) => (typeof v === 'string' ? v : '')
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/admin/editions">Back to framework editions</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
        <h1>Copy an edition</h1>
        <p>
          The copy is a draft with every outcome, level, indicator and suggested evidence of the edition you copy.
          Nobody else sees it until you publish it.
        </p>
        <Form method="post" {...getFormProps(form)}>
          {from ? (
            <>
              <p>
                You are copying <strong>{from.name}</strong>.
              </p>
              <input type="hidden" name="from" value={from.code} />
            </>
          ) : (
            <Select
              name="from"
              id="from"
              label="Edition to copy"
              options={[
                { value: '', text: 'Choose an edition' },
                ...editions.map((e) => ({ value: e.code, text: e.name })),
              ]}
              defaultValue={value(fields.from.initialValue)}
              error={fields.from.errors?.[0]}
            />
          )}
          {from && fields.from.errors?.[0] ? <p className="nhsuk-error-message">{fields.from.errors[0]}</p> : null}
          <TextInput
            name="code"
            id="code"
            label="Code"
            hint="A short code used in web addresses and exports: letters, numbers and hyphens, like 2026"
            width={10}
            autoComplete="off"
            spellCheck={false}
            defaultValue={value(fields.code.initialValue)}
            error={fields.code.errors?.[0]}
          />
          <TextInput
            name="name"
            id="name"
            label="Name"
            hint="For example, 2026 edition"
            defaultValue={value(fields.name.initialValue)}
            error={fields.name.errors?.[0]}
          />
          <Textarea
            name="description"
            id="description"
            label="Description"
            hint="What this edition is and how it differs from the one before (optional)"
            characterCount={{ maxLength: LIMITS.description }}
            defaultValue={value(fields.description.initialValue)}
            error={fields.description.errors?.[0]}
          />
          <Button type="submit">Create draft edition</Button>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
