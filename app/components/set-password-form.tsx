import type { ReactNode } from 'react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { useAttempt } from '~/components/use-attempt'
import { NewPasswordInputs } from '~/components/credential-inputs'
import { Button, ErrorSummary } from '~/components/nhs'
import { SetPasswordSchema } from '~/modules/auth/schema'

const FIELDS = ['newPassword', 'confirmPassword'] as const

/** The heading, error summary and password fields of the invitation and password reset pages. */
export function SetPasswordForm({
  id,
  heading,
  intro,
  button,
  lastResult,
}: {
  id: string
  heading: string
  intro: ReactNode
  button: string
  lastResult?: SubmissionResult<string[]>
}) {
  const attempt = useAttempt(lastResult)
  const [form, fields] = useForm({
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
      <h1>{heading}</h1>
      {intro}
      <Form method="post" {...getFormProps(form)}>
        <NewPasswordInputs
          labels={{ newPassword: 'Create a password', confirmPassword: 'Confirm your password' }}
          keys={{ newPassword: `newPassword-${attempt}`, confirmPassword: `confirmPassword-${attempt}` }}
          errors={{
            newPassword: fields.newPassword.errors?.[0] ?? form.errors?.[0],
            confirmPassword: fields.confirmPassword.errors?.[0],
          }}
        />
        <Button type="submit">{button}</Button>
      </Form>
    </>
  )
}
