/**
 * Who answers questions about the portal: set by a national admin at /admin/contact-details, or by
 * the installation (CONTACT_* and SECURITY_CONTACT_EMAIL settings) until an admin first saves them.
 */
export type ContactDetails = {
  team: string
  email: string
  phone: string | null
  /** Where vulnerability reports go (/.well-known/security.txt). */
  securityEmail: string
  responseDays: number
}
