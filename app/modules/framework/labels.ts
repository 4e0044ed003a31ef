import type { TagColour } from '~/modules/submissions/status'

export const EDITION_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  RETIRED: 'Retired',
}
export const EDITION_STATUS_COLOURS: Record<string, TagColour> = { DRAFT: 'blue', PUBLISHED: 'green', RETIRED: 'grey' }
