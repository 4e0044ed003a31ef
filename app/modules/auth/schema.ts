import { z } from 'zod'

export const MIN_PASSWORD_LENGTH = 12

export const SignInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk')),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1000, 'Password must be 1000 characters or fewer'),
  redirectTo: z.string().optional(),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(1000),
    newPassword: z
      .string({ error: 'Enter a new password' })
      .min(1, 'Enter a new password')
      .min(MIN_PASSWORD_LENGTH, `New password must be ${MIN_PASSWORD_LENGTH} characters or more`)
      .max(128, 'New password must be 128 characters or fewer'),
    confirmPassword: z.string({ error: 'Confirm your new password' }).min(1, 'Confirm your new password'),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Passwords do not match' })
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'New password must be different from your current password' })
    }
  })
