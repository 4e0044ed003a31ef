// Framework refresh readiness (issue 18, item 7): how each outcome of an earlier edition reads in
// this one, so a plan's targets and grades made on one edition can be read against the next.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { Breadcrumbs, Button, Checkboxes, ErrorSummary, InsetText, Select, Table } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getOutcomeMapping, saveOutcomeMapping } from '~/modules/improvement/mapping.server'
import { mappingField, outcomeMappingSchema } from '~/modules/improvement/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Outcome mapping - ${data?.to.name ?? 'Framework edition'} - LKS Quality Portal` },
]

type Mapping = NonNullable<Awaited<ReturnType<typeof getOutcomeMapping>>>

function schemaFor(mapping: Mapping) {
  return outcomeMappingSchema({
    fromNumbers: mapping.rows.map((r) => r.number),
    toNumbers: mapping.to.outcomes.map((o) => o.number),
    toName: mapping.to.name,
  })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'mapping:manage')
  const from = new URL(request.url).searchParams.get('from')
  const mapping = await getOutcomeMapping(user, params.code ?? '', from)
  if (!mapping) notFound()
  const { to, ...rest } = mapping
  return {
    ...rest,
    to: { code: to.code, name: to.name, outcomes: to.outcomes },
    from: rest.from ? { code: rest.from.code, name: rest.from.name } : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'mapping:manage')
  const code = params.code ?? ''
  const formData = await request.formData()
  const from = formData.get('from')
  const mapping = await getOutcomeMapping(user, code, typeof from === 'string' && from ? from : null)
  if (!mapping?.from) notFound()
  const submission = parseWithZod(formData, { schema: schemaFor(mapping) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const values = submission.value as Record<string, unknown>
  const choices = Object.fromEntries(mapping.rows.map((r) => [r.number, values[mappingField(r.number)] as number[]]))
  const saved = await saveOutcomeMapping({
    actor: user,
    fromCode: mapping.from.code,
    toCode: code,
    choices,
    ipAddress: context.clientAddress,
  })
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(
    request,
    `/admin/editions/${encodeURIComponent(code)}/mapping?from=${encodeURIComponent(mapping.from.code)}`,
    {
      type: 'success',
      title: saved.changed ? 'Outcome mapping saved' : 'Nothing to save: you made no changes',
      description: saved.changed
        ? `Plans and grades made on the ${mapping.from.name} now read against the ${mapping.to.name} this way.`
        : undefined,
    },
  )
}

export default function OutcomeMappingPage() {
  const { to, from, sources, rows, recorded } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/admin/editions/${encodeURIComponent(to.code)}`
  const titleOf = (n: number) => to.outcomes.find((o) => o.number === n)?.shortTitle
  const [form, fields] = useForm({
    id: `mapping-${from?.code ?? 'none'}`,
    lastResult: actionData?.result,
    defaultValue: Object.fromEntries(rows.map((r) => [mappingField(r.number), r.mappedTo.map(String)])),
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: outcomeMappingSchema({
          fromNumbers: rows.map((r) => r.number),
          toNumbers: to.outcomes.map((o) => o.number),
          toName: to.name,
        }),
      }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const fieldOrder = rows.map((r) => mappingField(r.number))
  const fieldsByName = fields as unknown as Record<string, { errors?: string[]; initialValue?: unknown }>
  const initialOf = (name: string): string[] => {
    const value = fieldsByName[name]?.initialValue
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []
  }
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
          { href: '/admin/editions', text: 'Framework editions' },
          { href: base, text: to.name },
        ]}
      />
      <ErrorSummary errors={errorSummaryItems(form.allErrors, fieldOrder)} />
      <span className="nhsuk-caption-l">{to.name}</span>
      <h1>Outcome mapping</h1>
      <p>
        When the framework changes, say which outcome of this edition each outcome of an earlier edition becomes.
        Service improvement plans and agreed grades made on the earlier edition are then read against this one: an
        outcome split in two carries its grade to both, and two outcomes merged into one carry the lower grade.
      </p>
      {!from ? (
        <InsetText>
          <p>There is no other edition to map from.</p>
        </InsetText>
      ) : (
        <>
          {sources.length > 1 ? (
            <Form method="get" className="nhsuk-u-margin-bottom-6">
              <Select
                name="from"
                id="from-edition"
                label="Map from"
                defaultValue={from.code}
                options={sources.map((s) => ({ value: s.code, text: s.name }))}
              />
              <Button type="submit" variant="secondary">
                Show mapping
              </Button>
            </Form>
          ) : null}
          <InsetText>
            <p>
              {recorded
                ? `A mapping from the ${from.name} is recorded.`
                : `No mapping from the ${from.name} is recorded yet: each outcome is read as the outcome of the same number.`}
            </p>
          </InsetText>
          <Table
            caption={`How the ${from.name} reads in the ${to.name}`}
            captionSize="m"
            firstCellIsHeader
            head={[`${from.name} outcome`, `${to.name} outcome`]}
            rows={rows.map((r) => [
              `Outcome ${r.number}: ${r.shortTitle}`,
              r.mappedTo.length ? r.mappedTo.map((n) => `Outcome ${n}: ${titleOf(n) ?? ''}`).join('; ') : 'Not mapped',
            ])}
          />
          <h2>Change the mapping</h2>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="from" value={from.code} />
            {rows.map((row) => {
              const name = mappingField(row.number)
              return (
                <Checkboxes
                  key={row.id}
                  name={name}
                  id={name}
                  legend={`Outcome ${row.number} of the ${from.name} (${row.shortTitle}) becomes`}
                  legendSize="s"
                  hint="Select every outcome it becomes if it was split"
                  small
                  error={fieldsByName[name]?.errors?.[0]}
                  defaultValues={initialOf(name)}
                  items={to.outcomes.map((o) => ({
                    value: String(o.number),
                    text: `Outcome ${o.number}: ${o.shortTitle}`,
                  }))}
                />
              )
            })}
            <div className="nhsuk-button-group">
              <Button type="submit">Save mapping</Button>
              <a className="nhsuk-link" href={base}>
                Cancel
              </a>
            </div>
          </Form>
        </>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
