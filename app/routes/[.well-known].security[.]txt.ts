import { securityTxt } from '~/modules/content/security-txt'
import { getEnv } from '~/utils/env.server'

/** /.well-known/security.txt: how to report a vulnerability (RFC 9116). Public, like robots.txt. */
export function loader() {
  const env = getEnv()
  const body = securityTxt({
    contactEmail: env.SECURITY_CONTACT_EMAIL ?? env.CONTACT_EMAIL,
    origin: env.APP_ORIGIN,
    now: new Date(),
  })
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  })
}
