import { describe, expect, it } from 'vitest'
import type { SubmissionStatus } from '~/modules/submissions/status'
import type { Dashboard } from './model'
import { parseSort, sortOrganisations, type OrganisationSort } from './sort'

type Row = NonNullable<Dashboard['organisations']>[number]

const url = (query: string) => new URL(`http://localhost/dashboards/regional${query}`)

function row(
  name: string,
  odsCode: string,
  status: SubmissionStatus,
  agreedSteps: Array<number | null> = [null, null, null],
): Row {
  return {
    submissionId: `s-${odsCode}`,
    reference: `LKS-0000-${odsCode}`,
    name,
    odsCode,
    organisationType: 'ACUTE_TRUST',
    status,
    agreedSteps,
  }
}

const codes = (rows: readonly Row[]) => rows.map((r) => r.odsCode)
const sorted = (rows: readonly Row[], column: string, direction: OrganisationSort['direction'] = 'asc') =>
  codes(sortOrganisations(rows, { column, direction }))

describe('the sort in the URL', () => {
  it('defaults to organisation name, A to Z', () => {
    expect(parseSort(url(''))).toEqual({ column: 'name', direction: 'asc' })
    expect(parseSort(url('?dir=desc'))).toEqual({ column: 'name', direction: 'desc' })
  })

  it('reads the name, status and outcome columns and either direction', () => {
    expect(parseSort(url('?sort=status&dir=desc'))).toEqual({ column: 'status', direction: 'desc' })
    expect(parseSort(url('?sort=o1'))).toEqual({ column: 'o1', direction: 'asc' })
    expect(parseSort(url('?sort=o6&dir=desc'))).toEqual({ column: 'o6', direction: 'desc' })
    expect(parseSort(url('?sort=name&dir=asc'))).toEqual({ column: 'name', direction: 'asc' })
  })

  it('falls back to name for a column it does not know, and to A to Z for an unknown direction', () => {
    for (const junk of [
      '',
      'o0',
      'o10',
      'O1',
      'odsCode',
      'organisationType',
      'name;drop',
      ' status',
      'status ',
      'o1o2',
    ]) {
      expect(parseSort(url(`?sort=${encodeURIComponent(junk)}&dir=desc`)), junk).toEqual({
        column: 'name',
        direction: 'desc',
      })
    }
    for (const junk of ['', 'up', 'DESC', 'descending']) {
      expect(parseSort(url(`?sort=status&dir=${encodeURIComponent(junk)}`)), junk).toEqual({
        column: 'status',
        direction: 'asc',
      })
    }
  })
})

describe('sorting the organisation table', () => {
  // Code-point order would put 'NHS ashford' after 'NHS Zeal' and 'Église' after both.
  const rows = [
    row('NHS Zeal', 'ZZZ', 'SUBMITTED', [4, 7, null]),
    row('Église Health', 'EGL', 'PUBLISHED', [null, 7, 2]),
    row('NHS ashford', 'ASH', 'NOT_STARTED', [4, null, 12]),
    row('NHS Barnet', 'BAR', 'VALIDATED', [10, 0, null]),
    row('NHS Barnet', 'BAA', 'IN_MODERATION', [1, 3, 5]),
  ]

  it('sorts by name in English order, then by ODS code', () => {
    expect(sorted(rows, 'name')).toEqual(['EGL', 'ASH', 'BAA', 'BAR', 'ZZZ'])
    expect(sorted(rows, 'name', 'desc')).toEqual(['ZZZ', 'BAR', 'BAA', 'ASH', 'EGL'])
  })

  it('sorts by status in workflow order, ties by name', () => {
    const byStatus = [
      row('Bravo', 'B', 'PUBLISHED'),
      row('Alpha', 'A', 'PUBLISHED'),
      row('Delta', 'D', 'NOT_STARTED'),
      row('Charlie', 'C', 'IN_MODERATION'),
      row('Echo', 'E', 'VALIDATED'),
      row('Foxtrot', 'F', 'CLARIFICATION_REQUESTED'),
    ]
    // Alphabetically 'IN_MODERATION' < 'NOT_STARTED' < 'PUBLISHED': workflow order is different.
    expect(sorted(byStatus, 'status')).toEqual(['D', 'F', 'C', 'E', 'A', 'B'])
    expect(sorted(byStatus, 'status', 'desc')).toEqual(['A', 'B', 'E', 'C', 'F', 'D'])
  })

  it("sorts by an outcome's agreed grade, lowest first or highest first, ungraded always last", () => {
    // Outcome 1: ZZZ 4, EGL none, ASH 4, BAR 10, BAA 1.
    expect(sorted(rows, 'o1')).toEqual(['BAA', 'ASH', 'ZZZ', 'BAR', 'EGL'])
    expect(sorted(rows, 'o1', 'desc')).toEqual(['BAR', 'ASH', 'ZZZ', 'BAA', 'EGL'])
    // Outcome 2: ZZZ 7, EGL 7, ASH none, BAR 0 (level 0 is a grade, not a gap), BAA 3.
    expect(sorted(rows, 'o2')).toEqual(['BAR', 'BAA', 'EGL', 'ZZZ', 'ASH'])
    expect(sorted(rows, 'o2', 'desc')).toEqual(['EGL', 'ZZZ', 'BAA', 'BAR', 'ASH'])
    // Outcome 3: two ungraded, kept in name order at the end both ways.
    expect(sorted(rows, 'o3')).toEqual(['EGL', 'BAA', 'ASH', 'BAR', 'ZZZ'])
    expect(sorted(rows, 'o3', 'desc')).toEqual(['ASH', 'BAA', 'EGL', 'BAR', 'ZZZ'])
  })

  it('keeps name order for an outcome the rows do not have', () => {
    expect(sorted(rows, 'o9')).toEqual(['EGL', 'ASH', 'BAA', 'BAR', 'ZZZ'])
    expect(sorted(rows, 'o9', 'desc')).toEqual(['EGL', 'ASH', 'BAA', 'BAR', 'ZZZ'])
  })

  it('returns a new array and leaves the rows as they were', () => {
    const before = codes(rows)
    const result = sortOrganisations(rows, { column: 'name', direction: 'asc' })
    expect(result).not.toBe(rows)
    expect(codes(rows)).toEqual(before)
    expect(sortOrganisations([], { column: 'o1', direction: 'desc' })).toEqual([])
  })
})
