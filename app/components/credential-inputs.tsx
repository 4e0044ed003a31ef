import { PasswordInput, TextInput } from '~/components/nhs'
import { MIN_PASSWORD_LENGTH } from '~/modules/auth/schema'

/** The security code box of the sign-in, two-step and set-up pages: a one-time code, never spell-checked. */
export function SecurityCodeInput({
  label = 'Security code',
  hint,
  error,
}: {
  label?: string
  hint: string
  error?: string
}) {
  return (
    <TextInput
      name="code"
      id="code"
      label={label}
      hint={hint}
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      width={10}
      error={error}
    />
  )
}

/** A new password and its confirmation, as the invitation, password reset and change password pages ask. */
export function NewPasswordInputs({
  labels,
  keys,
  errors,
}: {
  labels: { newPassword: string; confirmPassword: string }
  /** Keys that change on each attempt, so the browser clears the boxes after an error. */
  keys: { newPassword: string; confirmPassword: string }
  errors: { newPassword?: string; confirmPassword?: string }
}) {
  return (
    <>
      <PasswordInput
        key={keys.newPassword}
        name="newPassword"
        id="newPassword"
        label={labels.newPassword}
        hint={`Use ${MIN_PASSWORD_LENGTH} characters or more. A few unrelated words together make a strong password.`}
        autoComplete="new-password"
        error={errors.newPassword}
      />
      <PasswordInput
        key={keys.confirmPassword}
        name="confirmPassword"
        id="confirmPassword"
        label={labels.confirmPassword}
        autoComplete="new-password"
        error={errors.confirmPassword}
      />
    </>
  )
}
