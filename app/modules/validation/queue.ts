/** How a validator's queue can be sorted. */
export const QUEUE_SORTS = ['due', 'organisation', 'status'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]

export type QueueCounts = { open: number; overdue: number; completed: number }

/**
 * A validator's queue as they work it: what is still to do first, completed work apart (the most
 * recently completed first), and the counts of each. `rows` come in the order the validator chose.
 */
export function splitQueue<Row extends { completedAt: Date | null; overdue: boolean }>(rows: Row[]) {
  const open = rows.filter((row) => row.completedAt === null)
  const completed = rows
    .filter((row) => row.completedAt !== null)
    .sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime())
  const counts: QueueCounts = {
    open: open.length,
    overdue: open.filter((row) => row.overdue).length,
    completed: completed.length,
  }
  return { open, completed, counts }
}

/** "2 submissions to validate, 1 overdue. You have completed 3." */
export function queueSummary({ open, overdue, completed }: QueueCounts): string {
  const toDo =
    open === 0
      ? 'Nothing to validate at the moment.'
      : `${open} ${open === 1 ? 'submission' : 'submissions'} to validate${overdue ? `, ${overdue} overdue` : ''}.`
  return completed ? `${toDo} You have completed ${completed}.` : toDo
}
