import type { ReactNode } from 'react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { useAttempt } from '~/components/use-attempt'
import { Button, ErrorSummary, PasswordInput } from '~/components/nhs'
import { MIN_PASSWORD_LENGTH, SetPasswordSchema } from '~/modules/auth/schema'

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
        <PasswordInput
          key={`newPassword-${attempt}`}
          name="newPassword"
          id="newPassword"
          label="Create a password"
          hint={`Use ${MIN_PASSWORD_LENGTH} characters or more. A few unrelated words together make a strong password.`}
          autoComplete="new-password"
          error={fields.newPassword.errors?.[0] ?? form.errors?.[0]}
        />
        <PasswordInput
          key={`confirmPassword-${attempt}`}
          name="confirmPassword"
          id="confirmPassword"
          label="Confirm your password"
          autoComplete="new-password"
          error={fields.confirmPassword.errors?.[0]}
        />
        <Button type="submit">{button}</Button>
      </Form>
    </>
  )
}
