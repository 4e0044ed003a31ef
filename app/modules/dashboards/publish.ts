// A dashboard as it may be published (issue 17, item 1): every count that is small, or that would
// let a small one be worked out across the dashboard's views, replaced by HIDDEN_COUNT. Pure.
//
// The pages, the CSV and Excel exports and the PDF summaries all take the dashboard through this
// one function, so they hide the same cells. HIDDEN_COUNT is a number so that the charts and
// tables keep working on numbers: it is far above any real count, so any sum that includes a
// hidden count is hidden too (formatCount shows it as "[c]"), and a percentage or median based on
// it is withheld.
//
// The relations (complementary-suppression.ts) are the ones a reader can use: each view's rows and
// columns with their totals, the calibration differences that add up to "higher" and "lower", the
// required actions by outcome that add up to all outcomes, and the agreed grades per region and
// outcome (heat map) that add up to those per outcome (distribution). The organisations view lists
// every organisation's grades, which would give every count away: it is not published at all.
import { complementarySuppression, type LinkedTables } from './complementary-suppression'
import type { Dashboard } from './model'
import { HIDDEN_COUNT, type Suppression } from './suppression'

type Relations = Array<{ total: string; parts: string[] }>

/** The dashboard's published figures as linked tables, by key. */
export function dashboardTables(dashboard: Dashboard): LinkedTables {
  const cells = new Map<string, number>()
  const relations: Relations = []
  const put = (key: string, value: number) => {
    cells.set(key, value)
    return key
  }

  const { progress } = dashboard
  const statusKeys = progress.statuses.map((_, i) => String(i))
  for (const region of progress.regions) {
    const parts = region.counts.map((count, i) => put(`progress:${region.regionId}:${i}`, count))
    relations.push({ total: put(`progress:${region.regionId}:total`, region.total), parts })
  }
  statusKeys.forEach((_, i) => {
    const total = put(`progress:total:${i}`, progress.totals[i] ?? 0)
    relations.push({ total, parts: progress.regions.map((r) => `progress:${r.regionId}:${i}`) })
  })
  put('progress:total:total', progress.total)
  relations.push({ total: 'progress:total:total', parts: statusKeys.map((i) => `progress:total:${i}`) })
  relations.push({ total: 'progress:total:total', parts: progress.regions.map((r) => `progress:${r.regionId}:total`) })

  for (const row of dashboard.attainment) {
    const parts = row.levelCounts.map((count, level) => put(`attainment:${row.outcomeNumber}:${level}`, count))
    relations.push({ total: put(`attainment:${row.outcomeNumber}:graded`, row.graded), parts })
  }
  for (const outcome of dashboard.outcomes) {
    const parts = dashboard.heatMap.map((region) => {
      const cell = region.cells.find((c) => c.outcomeNumber === outcome.number)
      return put(`heat:${region.regionId}:${outcome.number}`, cell?.graded ?? 0)
    })
    if (cells.has(`attainment:${outcome.number}:graded`)) {
      relations.push({ total: `attainment:${outcome.number}:graded`, parts })
    }
  }

  for (const row of dashboard.calibration) {
    const key = (name: string) => `calibration:${row.outcomeNumber}:${name}`
    relations.push({
      total: put(key('compared'), row.compared),
      parts: [put(key('above'), row.above), put(key('equal'), row.equal), put(key('below'), row.below)],
    })
    const differences = row.differences.map((d) => ({ steps: d.steps, key: put(key(`steps${d.steps}`), d.count) }))
    relations.push({ total: key('above'), parts: differences.filter((d) => d.steps > 0).map((d) => d.key) })
    relations.push({ total: key('below'), parts: differences.filter((d) => d.steps < 0).map((d) => d.key) })
  }

  if (dashboard.previousCycle !== null) {
    for (const row of dashboard.change) {
      const key = (name: string) => `change:${row.outcomeNumber}:${name}`
      relations.push({
        total: put(key('compared'), row.compared),
        parts: [put(key('improved'), row.improved), put(key('same'), row.same), put(key('declined'), row.declined)],
      })
    }
  }

  const { actions } = dashboard
  relations.push({
    total: put('actions:required', actions.requiredActions),
    parts: actions.byOutcome.map((row) => put(`actions:${row.outcomeNumber}:required`, row.requiredActions)),
  })
  relations.push({
    total: put('actions:open', actions.openRequiredActions),
    parts: actions.byOutcome.map((row) => put(`actions:${row.outcomeNumber}:open`, row.openRequiredActions)),
  })
  put('actions:plan-items', actions.planItems)
  put('actions:plan-items-complete', actions.planItemsComplete)

  // A relation with no parts (no one self-assessed lower, so no "lower by" column) tells a reader
  // the total is 0: it stays, so that cell is never hidden as a complement.
  return { cells, relations }
}

/**
 * The dashboard to show or export: unchanged without suppression; with it, every hidden count
 * replaced by HIDDEN_COUNT, and the organisations view left out.
 */
export function publishDashboard(dashboard: Dashboard, suppression: Suppression): Dashboard {
  if (suppression === null) return dashboard
  const tables = dashboardTables(dashboard)
  const hidden = complementarySuppression(tables, suppression.threshold)
  const shown = (key: string, value: number) => (hidden.has(key) ? HIDDEN_COUNT : value)

  return {
    ...dashboard,
    progress: {
      ...dashboard.progress,
      regions: dashboard.progress.regions.map((region) => ({
        ...region,
        counts: region.counts.map((count, i) => shown(`progress:${region.regionId}:${i}`, count)),
        total: shown(`progress:${region.regionId}:total`, region.total),
      })),
      totals: dashboard.progress.totals.map((count, i) => shown(`progress:total:${i}`, count)),
      total: shown('progress:total:total', dashboard.progress.total),
    },
    attainment: dashboard.attainment.map((row) => ({
      ...row,
      levelCounts: row.levelCounts.map((count, level) =>
        shown(`attainment:${row.outcomeNumber}:${level}`, count),
      ) as Dashboard['attainment'][number]['levelCounts'],
      graded: shown(`attainment:${row.outcomeNumber}:graded`, row.graded),
    })),
    heatMap: dashboard.heatMap.map((region) => ({
      ...region,
      cells: region.cells.map((cell) => ({
        ...cell,
        graded: shown(`heat:${region.regionId}:${cell.outcomeNumber}`, cell.graded),
      })),
    })),
    calibration: dashboard.calibration.map((row) => {
      const key = (name: string) => `calibration:${row.outcomeNumber}:${name}`
      return {
        ...row,
        compared: shown(key('compared'), row.compared),
        above: shown(key('above'), row.above),
        equal: shown(key('equal'), row.equal),
        below: shown(key('below'), row.below),
        differences: row.differences.map((d) => ({ ...d, count: shown(key(`steps${d.steps}`), d.count) })),
      }
    }),
    change: dashboard.change.map((row) => {
      const key = (name: string) => `change:${row.outcomeNumber}:${name}`
      if (dashboard.previousCycle === null) return row
      return {
        ...row,
        compared: shown(key('compared'), row.compared),
        improved: shown(key('improved'), row.improved),
        same: shown(key('same'), row.same),
        declined: shown(key('declined'), row.declined),
      }
    }),
    actions: {
      requiredActions: shown('actions:required', dashboard.actions.requiredActions),
      openRequiredActions: shown('actions:open', dashboard.actions.openRequiredActions),
      planItems: shown('actions:plan-items', dashboard.actions.planItems),
      planItemsComplete: shown('actions:plan-items-complete', dashboard.actions.planItemsComplete),
      byOutcome: dashboard.actions.byOutcome.map((row) => ({
        ...row,
        requiredActions: shown(`actions:${row.outcomeNumber}:required`, row.requiredActions),
        openRequiredActions: shown(`actions:${row.outcomeNumber}:open`, row.openRequiredActions),
      })),
    },
    organisations: null,
  }
}
