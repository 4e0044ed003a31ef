// Complementary suppression (issue 17, item 1), tested the way an attacker would read the tables:
// a checker, written here independently of the module, takes each published table (what the CSV
// and Excel exports hold, which is what the pages show), treats every "[c]" as an unknown, writes
// down every sum a reader can see (rows and columns with their totals, the same figures in another
// view), and asks for each unknown whether it follows from them by addition and subtraction
// (exact linear elimination: an unknown is determined exactly when some combination of the sums
// names it alone). It must find none, over more than a thousand generated tables.
import { describe, expect, it } from 'vitest'
import { SUBMISSION_STATUSES } from '~/modules/submissions/status'
import { complementarySuppression, recoverableCells, type LinkedTables } from './complementary-suppression'
import { dashboardViews, type ExportCell, type ExportView } from './export'
import type { Dashboard, LevelCounts } from './model'
import { publishDashboard } from './publish'
import { HIDDEN_COUNT, SUPPRESSED_COUNT_LABEL, formatCount, suppressionAt } from './suppression'

const publication = suppressionAt(5)

// The checker ------------------------------------------------------------------------------------

/** One linear equation: sum of coefficient x cell = constant, over cells named by key. */
type Equation = { terms: Map<string, number>; constant: number }

class Reader {
  private readonly equations: Equation[] = []
  readonly unknowns = new Set<string>()

  /** `total` = the sum of `parts`, each a published cell: a number, or "[c]" (an unknown named `key`). */
  sum(total: { key: string; value: ExportCell }, parts: Array<{ key: string; value: ExportCell }>): void {
    const equation: Equation = { terms: new Map(), constant: 0 }
    const add = (cell: { key: string; value: ExportCell }, sign: number) => {
      if (typeof cell.value === 'number') equation.constant -= sign * cell.value
      else if (cell.value === SUPPRESSED_COUNT_LABEL) {
        this.unknowns.add(cell.key)
        equation.terms.set(cell.key, (equation.terms.get(cell.key) ?? 0) + sign)
      } else if (cell.value === null) return
      else throw new Error(`Unexpected cell ${String(cell.value)} at ${cell.key}`)
    }
    add(total, 1)
    for (const part of parts) add(part, -1)
    this.equations.push(equation)
  }

  /** A cell whose value the reader knows some other way (a percentage of a shown base). */
  knows(key: string): void {
    this.equations.push({ terms: new Map([[key, 1]]), constant: 0 })
  }

  /**
   * The unknowns that the equations determine: by exact Gauss-Jordan elimination (integers, no
   * rounding), an unknown is determined exactly when some reduced equation names it alone.
   */
  recovered(): string[] {
    const keys = [...this.unknowns]
    const rows = this.equations.map((e) => keys.map((k) => BigInt(e.terms.get(k) ?? 0)))
    let r = 0
    for (let c = 0; c < keys.length && r < rows.length; c++) {
      const pivot = rows.findIndex((row, i) => i >= r && row[c] !== 0n)
      if (pivot === -1) continue
      ;[rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!]
      const top = rows[r]!
      for (let i = 0; i < rows.length; i++) {
        const b = rows[i]![c]!
        if (i === r || b === 0n) continue
        const a = top[c]!
        const reduced = rows[i]!.map((v, j) => v * a - top[j]! * b)
        const divisor = reduced.reduce((g, v) => gcd(g, v < 0n ? -v : v), 0n)
        rows[i] = divisor > 1n ? reduced.map((v) => v / divisor) : reduced
      }
      r++
    }
    return keys.filter((_, c) => rows.some((row) => row[c] !== 0n && row.every((v, j) => j === c || v === 0n)))
  }
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b)
}

const at = (view: ExportView, row: number, column: number) => ({
  key: `${view.key}:${row}:${column}`,
  value: view.rows[row]![column] ?? null,
})
const columnIndex = (view: ExportView, header: string) => view.columns.findIndex((c) => c.header === header)

/** Every sum a reader can see in the published views of one dashboard, by the views' own layout. */
function readViews(views: ExportView[]): Reader {
  const reader = new Reader()
  const view = (key: string) => views.find((v) => v.key === key)
  const progress = view('progress')!
  const last = progress.columns.length - 1
  progress.rows.forEach((_, r) =>
    reader.sum(
      at(progress, r, last),
      progress.columns.slice(1, last).map((_, c) => at(progress, r, c + 1)),
    ),
  )
  const totalRow = progress.rows.length - 1
  for (let c = 1; c <= last; c++) {
    reader.sum(
      at(progress, totalRow, c),
      progress.rows.slice(0, totalRow).map((_, r) => at(progress, r, c)),
    )
  }

  const attainment = view('attainment')!
  const graded = columnIndex(attainment, 'Agreed grades')
  attainment.rows.forEach((_, r) =>
    reader.sum(
      at(attainment, r, graded),
      [2, 3, 4, 5, 6].map((c) => at(attainment, r, c)),
    ),
  )
  const heat = view('heat-map')!
  attainment.rows.forEach((row, r) => {
    const column = columnIndex(heat, `Outcome ${String(row[0])} agreed grades`)
    reader.sum(
      at(attainment, r, graded),
      heat.rows.map((_, h) => at(heat, h, column)),
    )
  })

  const calibration = view('calibration')!
  const higherBy = calibration.columns.flatMap((c, i) => (c.header.startsWith('Self-assessed higher by') ? [i] : []))
  const lowerBy = calibration.columns.flatMap((c, i) => (c.header.startsWith('Self-assessed lower by') ? [i] : []))
  calibration.rows.forEach((_, r) => {
    reader.sum(
      at(calibration, r, 2),
      [3, 4, 5].map((c) => at(calibration, r, c)),
    )
    reader.sum(
      at(calibration, r, 3),
      higherBy.map((c) => at(calibration, r, c)),
    )
    reader.sum(
      at(calibration, r, 5),
      lowerBy.map((c) => at(calibration, r, c)),
    )
  })

  const change = view('change')
  change?.rows.forEach((_, r) =>
    reader.sum(
      at(change, r, 2),
      [3, 4, 5].map((c) => at(change, r, c)),
    ),
  )

  const actions = view('actions')!
  const all = actions.rows.length - 1
  for (const c of [2, 3]) {
    reader.sum(
      at(actions, all, c),
      actions.rows.slice(0, all).map((_, r) => at(actions, r, c)),
    )
  }
  // A proportion complete shown beside a shown number of items gives the number complete back.
  if (typeof actions.rows[all]![6] === 'number' && typeof actions.rows[all]![4] === 'number') {
    const complete = at(actions, all, 5)
    if (complete.value === SUPPRESSED_COUNT_LABEL) {
      reader.sum(complete, [])
      reader.knows(complete.key)
    }
  }
  return reader
}

// Generated cycles ---------------------------------------------------------------------------------

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}

type Organisation = {
  region: number
  status: number
  agreed: Array<number | null>
  self: Array<number | null>
  previous: Array<number | null>
  required: number[]
  open: number[]
  planItems: number
  planComplete: number
}

const levelOf = (steps: number) => (steps === 0 ? 0 : Math.ceil(steps / 3))

function median(counts: LevelCounts): number | null {
  const values = counts.flatMap((n, level) => Array<number>(n).fill(level))
  if (values.length === 0) return null
  const mid = Math.floor(values.length / 2)
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
}

/** A cycle of organisations spread over regions (some empty), aggregated as the dashboard does. */
function generatedDashboard(seed: number): Dashboard {
  const rng = random(seed)
  const regionCount = rng.int(1, 7)
  const outcomeCount = rng.int(1, 6)
  const shape = rng.int(0, 3) // 0: one organisation; 1: a few; 2: a region's worth; 3: a nation's
  const organisationCount = [1, rng.int(2, 6), rng.int(5, 25), rng.int(20, 120)][shape]!
  const emptyRegions = new Set(Array.from({ length: regionCount }, (_, i) => i).filter(() => rng.next() < 0.3))
  const regionsWithOrganisations = Array.from({ length: regionCount }, (_, i) => i).filter((i) => !emptyRegions.has(i))
  const homes = regionsWithOrganisations.length ? regionsWithOrganisations : [0]
  const hasPrevious = rng.next() < 0.6
  const organisations: Organisation[] = Array.from({ length: organisationCount }, () => {
    const status = rng.next() < 0.6 ? rng.int(7, 8) : rng.int(0, 8)
    const agreedAny = status >= 7
    const grade = () => (rng.next() < 0.15 ? 0 : rng.int(1, 12))
    const agreed = Array.from({ length: outcomeCount }, () => (agreedAny && rng.next() < 0.95 ? grade() : null))
    const required = agreed.map((g) => (g !== null && g <= 3 && rng.next() < 0.5 ? rng.int(1, 3) : 0))
    const planItems = required.reduce((a, b) => a + b, 0) + (agreedAny ? rng.int(0, 2) : 0)
    return {
      region: homes[rng.int(0, homes.length - 1)]!,
      status,
      agreed,
      self: agreed.map((g) => (g !== null && rng.next() < 0.9 ? Math.min(12, Math.max(0, g + rng.int(-2, 2))) : null)),
      previous: agreed.map((g) => (g !== null && hasPrevious && rng.next() < 0.8 ? grade() : null)),
      required,
      open: required.map((n) => rng.int(0, n)),
      planItems,
      planComplete: rng.int(0, planItems),
    }
  })

  const outcomes = Array.from({ length: outcomeCount }, (_, i) => ({ number: i + 1, shortTitle: `Outcome ${i + 1}` }))
  const regions = Array.from({ length: regionCount }, (_, i) => ({ regionId: `r${i}`, regionName: `Region ${i}` }))
  const progressRegions = regions
    .map((region, i) => {
      const counts = SUBMISSION_STATUSES.map(
        (_, s) => organisations.filter((o) => o.region === i && o.status === s).length,
      )
      return { ...region, counts, total: counts.reduce((a, b) => a + b, 0) }
    })
    // Like the SQL, a region appears once it has a submission; an empty region may still be listed.
    .filter((r, i) => r.total > 0 || i % 2 === 0)
  const levelCounts = (members: Organisation[], o: number): LevelCounts => {
    const counts: LevelCounts = [0, 0, 0, 0, 0]
    for (const m of members) if (m.agreed[o] !== null) counts[levelOf(m.agreed[o]!)]! += 1
    return counts
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  const totals = SUBMISSION_STATUSES.map((_, s) => sum(progressRegions.map((r) => r.counts[s]!)))
  return {
    scope: regionCount === 1 ? { kind: 'region', regionId: 'r0', regionName: 'Region 0' } : { kind: 'national' },
    cycle: { id: 'c', name: '2026/27', editionName: 'Second edition' },
    previousCycle: hasPrevious ? { id: 'p', name: '2025/26' } : null,
    appliedFilters: [],
    outcomes,
    progress: { statuses: [...SUBMISSION_STATUSES], regions: progressRegions, totals, total: sum(totals) },
    attainment: outcomes.map((_, o) => {
      const counts = levelCounts(organisations, o)
      return { outcomeNumber: o + 1, levelCounts: counts, graded: sum(counts), medianLevel: median(counts) }
    }),
    heatMap: progressRegions.map((region) => ({
      regionId: region.regionId,
      regionName: region.regionName,
      cells: outcomes.map((_, o) => {
        const counts = levelCounts(
          organisations.filter((m) => `r${m.region}` === region.regionId),
          o,
        )
        return { outcomeNumber: o + 1, medianLevel: median(counts), graded: sum(counts) }
      }),
    })),
    calibration: outcomes.map((_, o) => {
      const differences = new Map<number, number>()
      for (const m of organisations) {
        if (m.agreed[o] === null || m.self[o] === null) continue
        const steps = m.self[o]! - m.agreed[o]!
        differences.set(steps, (differences.get(steps) ?? 0) + 1)
      }
      const pick = (test: (steps: number) => boolean) =>
        sum([...differences].filter(([steps]) => test(steps)).map(([, n]) => n))
      const above = pick((s) => s > 0)
      const equal = pick((s) => s === 0)
      const below = pick((s) => s < 0)
      return {
        outcomeNumber: o + 1,
        compared: above + equal + below,
        above,
        equal,
        below,
        differences: [...differences]
          .filter(([steps]) => steps !== 0)
          .sort(([a], [b]) => a - b)
          .map(([steps, count]) => ({ steps, count })),
      }
    }),
    change: outcomes.map((_, o) => {
      const pairs = organisations.filter((m) => m.agreed[o] !== null && m.previous[o] !== null)
      const improved = pairs.filter((m) => m.agreed[o]! > m.previous[o]!).length
      const declined = pairs.filter((m) => m.agreed[o]! < m.previous[o]!).length
      return {
        outcomeNumber: o + 1,
        compared: pairs.length,
        improved,
        same: pairs.length - improved - declined,
        declined,
      }
    }),
    actions: {
      requiredActions: sum(organisations.flatMap((m) => m.required)),
      openRequiredActions: sum(organisations.flatMap((m) => m.open)),
      planItems: sum(organisations.map((m) => m.planItems)),
      planItemsComplete: sum(organisations.map((m) => m.planComplete)),
      byOutcome: outcomes.map((_, o) => ({
        outcomeNumber: o + 1,
        requiredActions: sum(organisations.map((m) => m.required[o]!)),
        openRequiredActions: sum(organisations.map((m) => m.open[o]!)),
      })),
    },
    organisations: regionCount === 1 ? [] : null,
  }
}

// Generated tables of one shape ------------------------------------------------------------------

/** A rows x columns table with row totals, column totals and a grand total, as linked tables. */
function generatedGrid(seed: number): { tables: LinkedTables; rows: number; columns: number } {
  const rng = random(seed)
  const rows = rng.int(1, 9)
  const columns = rng.int(1, 9)
  const sparse = rng.next()
  const cell = (r: number | 'total', c: number | 'total') => `${r}:${c}`
  const cells = new Map<string, number>()
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      cells.set(cell(r, c), rng.next() < sparse ? 0 : rng.next() < 0.5 ? rng.int(1, 4) : rng.int(5, 40))
    }
  const relations: Array<{ total: string; parts: string[] }> = []
  for (let r = 0; r < rows; r++) {
    const parts = Array.from({ length: columns }, (_, c) => cell(r, c))
    cells.set(
      cell(r, 'total'),
      parts.reduce((s, k) => s + cells.get(k)!, 0),
    )
    relations.push({ total: cell(r, 'total'), parts })
  }
  for (let c = 0; c < columns; c++) {
    const parts = Array.from({ length: rows }, (_, r) => cell(r, c))
    cells.set(
      cell('total', c),
      parts.reduce((s, k) => s + cells.get(k)!, 0),
    )
    relations.push({ total: cell('total', c), parts })
  }
  const rowTotals = Array.from({ length: rows }, (_, r) => cell(r, 'total'))
  cells.set(
    cell('total', 'total'),
    rowTotals.reduce((s, k) => s + cells.get(k)!, 0),
  )
  relations.push({ total: cell('total', 'total'), parts: rowTotals })
  relations.push({ total: cell('total', 'total'), parts: Array.from({ length: columns }, (_, c) => cell('total', c)) })
  return { tables: { cells, relations }, rows, columns }
}

/** The checker over linked tables: each relation is one equation a reader can write down. */
function readTables(tables: LinkedTables, hidden: ReadonlySet<string>): Reader {
  const reader = new Reader()
  const published = (key: string) => ({ key, value: hidden.has(key) ? SUPPRESSED_COUNT_LABEL : tables.cells.get(key)! })
  for (const relation of tables.relations) reader.sum(published(relation.total), relation.parts.map(published))
  return reader
}

// The tests --------------------------------------------------------------------------------------

describe('complementary suppression of linked tables', () => {
  it('hides a second cell when a row would give its one hidden cell away: 5 | 3 | 0 | total 8', () => {
    const tables: LinkedTables = {
      cells: new Map([
        ['higher', 5],
        ['same', 3],
        ['lower', 0],
        ['compared', 8],
      ]),
      relations: [{ total: 'compared', parts: ['higher', 'same', 'lower'] }],
    }
    const hidden = complementarySuppression(tables, 5)
    // The 3 is small; the next smallest cell, the 0, goes with it, and the total stays.
    expect([...hidden].sort()).toEqual(['lower', 'same'])
    expect(recoverableCells(tables, hidden)).toEqual([])
    expect(readTables(tables, hidden).recovered()).toEqual([])
  })

  it('finds a cell given away only by several sums together, and hides another', () => {
    // a + b = 9, b + c = 13, a + c = 10: each sum has two hidden cells, yet together they give a = 3.
    const tables: LinkedTables = {
      cells: new Map([
        ['a', 3],
        ['b', 6],
        ['c', 7],
        ['ab', 9],
        ['bc', 13],
        ['ac', 10],
      ]),
      relations: [
        { total: 'ab', parts: ['a', 'b'] },
        { total: 'bc', parts: ['b', 'c'] },
        { total: 'ac', parts: ['a', 'c'] },
      ],
    }
    expect(
      readTables(tables, new Set(['a', 'b', 'c']))
        .recovered()
        .sort(),
    ).toEqual(['a', 'b', 'c'])
    const hidden = complementarySuppression(tables, 5)
    expect(hidden.size).toBeGreaterThan(3)
    expect(readTables(tables, hidden).recovered()).toEqual([])
  })

  it('over 1,500 generated tables of 1 to 9 rows and columns, no hidden cell can be worked out', () => {
    let withHiddenCells = 0
    for (let seed = 1; seed <= 1_500; seed++) {
      const { tables } = generatedGrid(seed)
      const hidden = complementarySuppression(tables, 5)
      for (const [key, value] of tables.cells) if (value > 0 && value < 5) expect(hidden.has(key), key).toBe(true)
      const recovered = readTables(tables, hidden).recovered()
      expect(recovered, `seed ${seed}`).toEqual([])
      if (hidden.size > 0) withHiddenCells++
    }
    expect(withHiddenCells).toBeGreaterThan(1_000)
  }, 120_000)

  it('refuses a count that is not a whole number of at least 0', () => {
    expect(() => complementarySuppression({ cells: new Map([['a', -1]]), relations: [] }, 5)).toThrow(RangeError)
  })
})

describe('a published dashboard, as every view and export shows it', () => {
  // The national dashboard's self-against-agreed view for outcome 1 of the issue: 5 | <5 | 0 | total 8.
  const issueExample = (() => {
    const dashboard = generatedDashboard(1)
    return {
      ...dashboard,
      outcomes: [{ number: 1, shortTitle: 'Strategy' }],
      attainment: [{ outcomeNumber: 1, levelCounts: [0, 2, 3, 3, 0] as LevelCounts, graded: 8, medianLevel: 2 }],
      heatMap: [],
      calibration: [
        { outcomeNumber: 1, compared: 8, above: 5, equal: 3, below: 0, differences: [{ steps: 1, count: 5 }] },
      ],
      change: [{ outcomeNumber: 1, compared: 0, improved: 0, same: 0, declined: 0 }],
      actions: {
        requiredActions: 0,
        openRequiredActions: 0,
        planItems: 0,
        planItemsComplete: 0,
        byOutcome: [{ outcomeNumber: 1, requiredActions: 0, openRequiredActions: 0 }],
      },
    } satisfies Dashboard
  })()

  it('no longer gives away the hidden cell of the issue (5 | <5 | 0 | total 8)', () => {
    const views = dashboardViews(issueExample, publication)
    const calibration = views.find((v) => v.key === 'calibration')!
    expect(calibration.rows[0]).not.toEqual([1, 'Strategy', 8, 5, SUPPRESSED_COUNT_LABEL, 0, 5])
    // No one rated themselves lower (there is no "lower by" column), so that 0 cannot be hidden:
    // the 5 higher, and the 5 higher by one step that make it up, are hidden instead.
    expect(calibration.rows[0]).toEqual([1, 'Strategy', 8, '[c]', '[c]', 0, '[c]'])
    expect(readViews(views).recovered()).toEqual([])
  })

  it('hides the same cells on the page as in the exports', () => {
    const published = publishDashboard(issueExample, publication)
    const row = published.calibration[0]!
    expect([row.compared, row.above, row.equal, row.below].map((n) => formatCount(n, publication))).toEqual([
      '8',
      '[c]',
      '[c]',
      '0',
    ])
    expect(row.above).toBe(HIDDEN_COUNT)
    // Publishing again changes nothing, so an export of a published dashboard is the same.
    expect(publishDashboard(published, publication)).toEqual(published)
    expect(dashboardViews(published, publication)).toEqual(dashboardViews(issueExample, publication))
  })

  it('leaves out the organisations view, which would give every count away', () => {
    const regional = generatedDashboard(3)
    const withOrganisations = { ...regional, organisations: [] }
    expect(publishDashboard(withOrganisations, publication).organisations).toBeNull()
    expect(dashboardViews(withOrganisations, publication).map((v) => v.key)).not.toContain('organisations')
    expect(publishDashboard(withOrganisations, null)).toBe(withOrganisations)
  })

  it('over 400 generated cycles (one organisation, empty regions, up to 120), no view gives a hidden cell away', () => {
    let tables = 0
    let oneOrganisation = 0
    let emptyRegion = 0
    for (let seed = 1; seed <= 400; seed++) {
      const dashboard = generatedDashboard(seed)
      if (dashboard.progress.total === 1) oneOrganisation++
      if (dashboard.progress.regions.some((r) => r.total === 0)) emptyRegion++
      const views = dashboardViews(dashboard, publication)
      tables += views.length
      for (const view of views)
        for (const row of view.rows)
          for (const [c, cell] of row.entries()) {
            // Every small count is hidden, whatever view it is in.
            if (view.columns[c]!.type === 'integer' && typeof cell === 'number' && c > 0) {
              expect(cell === 0 || cell >= 5, `${view.key} seed ${seed}`).toBe(true)
            }
          }
      expect(readViews(views).recovered(), `seed ${seed}`).toEqual([])
    }
    expect(tables).toBeGreaterThanOrEqual(2_000)
    expect(oneOrganisation).toBeGreaterThan(50)
    expect(emptyRegion).toBeGreaterThan(50)
  }, 120_000)
})
