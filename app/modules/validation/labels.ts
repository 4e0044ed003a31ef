import type { DecidedBy } from './rules'

/** How each outcome's agreed grade was reached, in the words of the pages and reports. */
export const DECIDED_BY_LABELS: Record<DecidedBy, string> = {
  VALIDATORS: 'Agreed by the validators',
  MODERATION: 'Decided at moderation',
}
