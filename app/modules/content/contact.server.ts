import { getEnv } from '~/utils/env.server'

import type { ContactDetails } from './contact'

/** The contact details the statement, privacy notice and cookies page show (set by the installation). */
export function contactDetails(): ContactDetails {
  const env = getEnv()
  return {
    team: env.CONTACT_TEAM,
    email: env.CONTACT_EMAIL,
    phone: env.CONTACT_PHONE || null,
    responseDays: env.CONTACT_RESPONSE_DAYS,
  }
}
