export const EDITION_STATUS_LABELS: Record<string, string> = { DRAFT: 'Draft', PUBLISHED: 'Published', RETIRED: 'Retired' }
