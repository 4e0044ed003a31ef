/** Who answers questions about the portal: set by the installation (CONTACT_* settings). */
export type ContactDetails = { team: string; email: string; phone: string | null; responseDays: number }
