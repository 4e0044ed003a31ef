export const CYCLE_TYPE_LABELS: Record<string, string> = {
  FULL_VALIDATION: 'Full self-evaluation and validation',
  SERVICE_IMPROVEMENT_REVIEW: 'Service improvement review',
}

export const CYCLE_STATUS_LABELS: Record<string, string> = { DRAFT: 'Draft', OPEN: 'Open', CLOSED: 'Closed' }
