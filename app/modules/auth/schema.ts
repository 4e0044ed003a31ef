import { z } from 'zod'

export const MIN_PASSWORD_LENGTH = 12

export const SignInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk')),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(1000, 'Password must be 1000 characters or fewer'),
  /** Offered after failed attempts by others: a code from the authenticator app lets the owner in now. */
  code: z.string().trim().max(40, 'Security code must be 40 characters or fewer').optional(),
  redirectTo: z.string().optional(),
})

const securityCode = z
  .string({ error: 'Enter the security code' })
  .trim()
  .min(1, 'Enter the security code')
  .max(40, 'Security code must be 40 characters or fewer')

/** The second step of signing in: a 6-digit code from the app, or a recovery code. */
export const SecondFactorSchema = z.object({
  code: securityCode,
  redirectTo: z.string().optional(),
})

/** Confirming a new authenticator app with the code it shows. */
export const EnrolmentSchema = z.object({
  code: securityCode.regex(/^\d{3}\s?\d{3}$/, 'Enter the 6-digit code from your authenticator app'),
  redirectTo: z.string().optional(),
})

/** Typing the password again before a sensitive action, or to turn two-step verification off. */
export const ConfirmPasswordSchema = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1000),
  redirectTo: z.string().optional(),
})

/** Signing out of every other browser and device: a button, nothing to type. */
export const SignOutElsewhereSchema = z.object({
  intent: z.literal('sign-out-elsewhere', 'Select ‘Sign out everywhere else’'),
})

/** Making new recovery codes: the button says what it does; there is nothing to type. */
export const RenewRecoveryCodesSchema = z.object({
  intent: z.literal('renew', 'Select ‘Make new recovery codes’'),
})

export const MAX_PASSWORD_LENGTH = 128

/** The rules for any new password, with messages that name the field ("New password", "Password"). */
function newPasswordField(name: string, enter: string) {
  return z
    .string({ error: enter })
    .min(1, enter)
    .min(MIN_PASSWORD_LENGTH, `${name} must be ${MIN_PASSWORD_LENGTH} characters or more`)
    .max(MAX_PASSWORD_LENGTH, `${name} must be ${MAX_PASSWORD_LENGTH} characters or fewer`)
}

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(1000),
    newPassword: newPasswordField('New password', 'Enter a new password'),
    confirmPassword: z.string({ error: 'Confirm your new password' }).min(1, 'Confirm your new password'),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Passwords do not match' })
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'New password must be different from your current password',
      })
    }
  })

/** Setting a password from an invitation or a reset link: the same rules as changing it. */
export const SetPasswordSchema = z
  .object({
    newPassword: newPasswordField('Password', 'Create a password'),
    confirmPassword: z.string({ error: 'Confirm your password' }).min(1, 'Confirm your password'),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Passwords do not match' })
    }
  })

export const PasswordResetRequestSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk')),
})
