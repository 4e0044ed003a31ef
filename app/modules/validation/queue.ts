/** How a validator's queue can be sorted. */
export const QUEUE_SORTS = ['due', 'organisation', 'status'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]
