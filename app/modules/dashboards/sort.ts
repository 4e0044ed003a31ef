// Sorting the regional dashboard's organisation table by a column (issue 6, item 2). The sort is
// in the URL, so it works without JavaScript and survives a reload. Pure.
import { z } from 'zod'
import { SUBMISSION_STATUSES } from '~/modules/submissions/status'
import type { Dashboard } from './model'

export type OrganisationSort = { column: string; direction: 'asc' | 'desc' }

const SortSchema = z.object({
  sort: z
    .string()
    .regex(/^(name|status|o[1-9])$/)
    .catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
})

/** The sort in a URL; anything unexpected sorts by name, A to Z. */
export function parseSort(url: URL): OrganisationSort {
  const { sort, dir } = SortSchema.parse({
    sort: url.searchParams.get('sort') ?? 'name',
    dir: url.searchParams.get('dir') ?? 'asc',
  })
  return { column: sort, direction: dir }
}

type Row = NonNullable<Dashboard['organisations']>[number]

const collator = new Intl.Collator('en-GB')

/**
 * Rows sorted by organisation name, status (in workflow order) or an outcome's agreed grade
 * (`o1`...: lowest first when ascending). Rows without a grade always come last; ties keep name order.
 */
export function sortOrganisations(rows: readonly Row[], sort: OrganisationSort): Row[] {
  const byName = (a: Row, b: Row) => collator.compare(a.name, b.name) || collator.compare(a.odsCode, b.odsCode)
  const sign = sort.direction === 'asc' ? 1 : -1
  const outcome = /^o(\d)$/.exec(sort.column)
  return [...rows].sort((a, b) => {
    if (sort.column === 'status')
      return sign * (SUBMISSION_STATUSES.indexOf(a.status) - SUBMISSION_STATUSES.indexOf(b.status)) || byName(a, b)
    if (outcome) {
      const i = Number(outcome[1]) - 1
      const x = a.agreedSteps[i] ?? null
      const y = b.agreedSteps[i] ?? null
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
      return sign * (x - y) || byName(a, b)
    }
    return sign * byName(a, b)
  })
}
