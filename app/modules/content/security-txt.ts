/**
 * The portal's security.txt (RFC 9116): how to report a vulnerability. Built from the installation's
 * settings, so the contact is the installation's own and the expiry date never passes unnoticed.
 */
export type SecurityTxtInput = {
  contactEmail: string
  /** The configured origin (APP_ORIGIN), for the Canonical field. */
  origin: string
  now: Date
}

/** RFC 9116 asks for an expiry less than a year ahead; the file is made anew on every request. */
export const SECURITY_TXT_VALID_DAYS = 180

export function securityTxt({ contactEmail, origin, now }: SecurityTxtInput): string {
  const expires = new Date(now.getTime() + SECURITY_TXT_VALID_DAYS * 24 * 60 * 60 * 1000)
  expires.setUTCHours(0, 0, 0, 0)
  return [
    '# How to report a security vulnerability in the LKS Quality Portal.',
    '# Please do not test against live services without permission, and never use real NHS data.',
    `Contact: mailto:${contactEmail}`,
    `Expires: ${expires.toISOString()}`,
    'Preferred-Languages: en',
    `Canonical: ${new URL('/.well-known/security.txt', origin).href}`,
    '',
  ].join('\n')
}
