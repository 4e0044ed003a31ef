import { describe, expect, it } from 'vitest'
import { resolveFilter } from './dashboard.server'
import { filterNotices, type AskedFilter } from './filter-notices'
import type { FilterOptions } from './model'

const options: FilterOptions = {
  cycles: [
    { id: 'c2026', name: '2026/27', editionId: 'e2022', editionName: 'Second edition 2022' },
    { id: 'c2021', name: '2021/22 baseline', editionId: 'e2019', editionName: '2019 edition' },
  ],
  editions: [
    { id: 'e2022', name: 'Second edition 2022' },
    { id: 'e2019', name: '2019 edition' },
  ],
  regions: [{ id: 'nw', name: 'North West' }],
  organisationTypes: [{ value: 'ACUTE_TRUST', label: 'Acute trust' }],
}

const notices = (asked: AskedFilter) => filterNotices(asked, options, resolveFilter(asked, options))

describe('a dashboard filter value that cannot be used', () => {
  it('is named, with what is shown instead, for a cycle, edition, region or type', () => {
    expect(notices({ cycleId: 'c1999' })).toEqual(['There is no cycle called “c1999”: showing 2026/27'])
    expect(notices({ editionId: 'e1066', cycleId: 'c2021' })).toEqual([
      'There is no framework edition called “e1066”: showing all editions',
    ])
    expect(notices({ editionId: 'e2022', cycleId: 'c2021' })).toEqual([
      '2021/22 baseline does not use the Second edition 2022: showing 2026/27',
    ])
    expect(notices({ regionId: 'atlantis', organisationType: 'PIRATE_SHIP' })).toEqual([
      'There is no region called “atlantis”: showing all regions',
      'There is no organisation type called “PIRATE_SHIP”: showing all types',
    ])
  })

  it('says nothing when every value is an option, or none is given', () => {
    expect(notices({})).toEqual([])
    expect(notices({ cycleId: 'c2021', editionId: 'e2019', regionId: 'nw', organisationType: 'ACUTE_TRUST' })).toEqual(
      [],
    )
  })

  it('shortens a long value so it cannot fill the page', () => {
    const [notice] = notices({ cycleId: 'x'.repeat(500) })
    expect(notice).toBe(`There is no cycle called “${'x'.repeat(40)}…”: showing 2026/27`)
  })

  it('says there is no such cycle when there are no cycles at all', () => {
    const none = { ...options, cycles: [] }
    expect(filterNotices({ cycleId: 'c1' }, none, resolveFilter({ cycleId: 'c1' }, none))).toEqual([
      'There is no cycle called “c1”',
    ])
  })
})
