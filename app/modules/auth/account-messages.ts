// The words of the two account emails: the invitation and the password reset link. Pure, like
// notifications/messages.ts: each takes the facts and the portal's origin.
import { formatDateTime } from '~/utils/dates'

const FOOTER = 'This email was sent by the LKS Quality Portal. Do not reply to it: replies are not read.'

function link(origin: string, path: string): string {
  return new URL(path, origin.endsWith('/') ? origin : `${origin}/`).toString()
}

export function invitationMessage(input: {
  origin: string
  token: string
  name: string
  invitedBy: string
  roles: readonly string[]
  expiresAt: Date
}) {
  return {
    kind: 'INVITATION',
    subject: 'Set up your account for the LKS Quality Portal',
    text:
      [
        `Dear ${input.name},`,
        `${input.invitedBy} has invited you to the LKS Quality Portal, where NHS library and knowledge services assess themselves against the quality and improvement outcomes framework.`,
        `You will be:\n${input.roles.map((role) => `- ${role}`).join('\n')}`,
        `Set a password to set up your account:\n${link(input.origin, `/invitations/${input.token}`)}`,
        `The link works once, until ${formatDateTime(input.expiresAt)}. If it has expired, ask the national team for a new one.`,
        FOOTER,
      ].join('\n\n') + '\n',
  }
}

export function passwordResetMessage(input: {
  origin: string
  token: string
  name: string
  expiresAt: Date
  minutes: number
}) {
  return {
    kind: 'PASSWORD_RESET',
    subject: 'Reset your password for the LKS Quality Portal',
    text:
      [
        `Dear ${input.name},`,
        `Someone asked to reset the password for your LKS Quality Portal account. If it was you, create a new password:\n${link(input.origin, `/password-reset/${input.token}`)}`,
        `The link works once, for ${input.minutes} minutes (until ${formatDateTime(input.expiresAt)}). Resetting your password signs you out everywhere.`,
        'If you did not ask for this, you can ignore this email: your password has not changed.',
        FOOTER,
      ].join('\n\n') + '\n',
  }
}

/** The same answer whether or not there is an account: the page never tells who has one. */
export function resetConfirmation(email: string, minutes: number): string {
  return `If an account exists for ${email}, we have sent a link to reset its password. The link works for ${minutes} minutes.`
}
