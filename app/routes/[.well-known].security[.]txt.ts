import { contactDetails } from '~/modules/content/contact.server'
import { securityTxt } from '~/modules/content/security-txt'
import { getEnv } from '~/utils/env.server'

/** /.well-known/security.txt: how to report a vulnerability (RFC 9116). Public, like robots.txt. */
export async function loader() {
  const body = securityTxt({
    contactEmail: (await contactDetails()).securityEmail,
    origin: getEnv().APP_ORIGIN,
    now: new Date(),
  })
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  })
}
