import type { ReactNode } from 'react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import type { z } from 'zod'
import { errorSummaryItems } from '~/components/form-errors'
import { useAttempt } from '~/components/use-attempt'
import { BackLink, Button, ErrorSummary, type ButtonVariant } from '~/components/nhs'

export type PageFormFields = {
  /** The first message for a field, from the browser's check or the server's answer. */
  error: (name: string) => string | undefined
  /** A `key` for a secret field, new after every answer so that the field comes back empty. */
  key: (name: string) => string
}

export type PageFormProps = {
  id: string
  /** The schema the action parses with, checked in the browser too. */
  schema: z.ZodType
  lastResult?: SubmissionResult<string[]>
  /** The fields in page order, for the error summary's links. */
  fieldNames: readonly string[]
  heading: string
  back?: { href: string; text: string }
  /** What comes between the heading and the form. */
  intro?: ReactNode
  /** Sent back with the form, for where to go next. */
  redirectTo?: string
  submit: string
  submitVariant?: ButtonVariant
  /** What follows the form, in the same column. */
  after?: ReactNode
  children: (fields: PageFormFields) => ReactNode
}

/**
 * A page that is one short form (confirm your password, change it, turn two-step verification on
 * or off, enter a security code): the back link, the error summary, the heading, the form checked
 * with the action's schema before it is sent, and its button.
 */
export function PageForm({
  id,
  schema,
  lastResult,
  fieldNames,
  heading,
  back,
  intro,
  redirectTo,
  submit,
  submitVariant,
  after,
  children,
}: PageFormProps) {
  const attempt = useAttempt(lastResult)
  const [form] = useForm({
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const fields: PageFormFields = {
    error: (name) => form.allErrors[name]?.[0],
    key: (name) => `${name}-${attempt}`,
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {back ? <BackLink href={back.href}>{back.text}</BackLink> : null}
        <ErrorSummary errors={errorSummaryItems(form.allErrors, fieldNames)} />
        <h1>{heading}</h1>
        {intro}
        <Form method="post" {...getFormProps(form)}>
          {redirectTo === undefined ? null : <input type="hidden" name="redirectTo" value={redirectTo} />}
          {children(fields)}
          <Button type="submit" variant={submitVariant}>
            {submit}
          </Button>
        </Form>
        {after}
      </div>
    </div>
  )
}
