import { describe, expect, it } from 'vitest'
import { ChangePasswordSchema, SignInSchema } from './schema'

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []

describe('sign-in form', () => {
  it('accepts an email and password, trimming and keeping case for the module to normalise', () => {
    expect(SignInSchema.parse({ email: '  Lead@Demo.nhs.uk ', password: 'x' })).toEqual({
      email: 'Lead@Demo.nhs.uk',
      password: 'x',
    })
  })

  it.each([
    [{ email: '', password: '' }, ['email: Enter your email address', 'password: Enter your password']],
    [
      { email: 'not-an-email', password: 'x' },
      ['email: Enter an email address in the correct format, like name@example.nhs.uk'],
    ],
    [{}, ['email: Enter your email address', 'password: Enter your password']],
  ])('explains what is wrong with %o', (input, expected) => {
    expect(messages(SignInSchema.safeParse(input))).toEqual(expected)
  })
})

describe('change password form', () => {
  it('requires a long enough new password, confirmed, and different from the current one', () => {
    expect(
      messages(
        ChangePasswordSchema.safeParse({
          currentPassword: 'old-password-1',
          newPassword: 'short',
          confirmPassword: 'short',
        }),
      ),
    ).toEqual(['newPassword: New password must be 12 characters or more'])
    expect(
      messages(
        ChangePasswordSchema.safeParse({
          currentPassword: 'old-password-1',
          newPassword: 'a-long-new-password',
          confirmPassword: 'different',
        }),
      ),
    ).toEqual(['confirmPassword: Passwords do not match'])
    expect(
      messages(
        ChangePasswordSchema.safeParse({
          currentPassword: 'same-password-1',
          newPassword: 'same-password-1',
          confirmPassword: 'same-password-1',
        }),
      ),
    ).toEqual(['newPassword: New password must be different from your current password'])
    expect(
      ChangePasswordSchema.safeParse({
        currentPassword: 'old-password-1',
        newPassword: 'a-long-new-password',
        confirmPassword: 'a-long-new-password',
      }).success,
    ).toBe(true)
  })
})
