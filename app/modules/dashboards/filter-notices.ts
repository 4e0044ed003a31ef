// What a dashboard says when its address names a filter value that does not exist (issue 17,
// item 4): "There is no cycle called “x”: showing 2026/27", rather than quietly showing the
// default. Pure: compares what was asked for with what resolveFilter chose.
import type { DashboardFilter, FilterOptions } from './model'

export type AskedFilter = { cycleId?: string; editionId?: string; regionId?: string; organisationType?: string }

/** A value from the address, shortened so a long one cannot fill the page. */
function quoted(value: string): string {
  const text = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return `“${text}”`
}

/** One sentence for each value asked for that could not be used, saying what is shown instead. */
export function filterNotices(asked: AskedFilter, options: FilterOptions, shown: DashboardFilter | null): string[] {
  const notices: string[] = []
  const cycleName = (id: string | undefined) => options.cycles.find((c) => c.id === id)?.name
  const showing = shown ? cycleName(shown.cycleId) : undefined
  const edition = options.editions.find((e) => e.id === asked.editionId)

  if (asked.editionId && !edition) {
    notices.push(`There is no framework edition called ${quoted(asked.editionId)}: showing all editions`)
  }
  if (asked.cycleId && shown && asked.cycleId !== shown.cycleId) {
    const askedCycle = options.cycles.find((c) => c.id === asked.cycleId)
    if (!askedCycle) notices.push(`There is no cycle called ${quoted(asked.cycleId)}: showing ${showing}`)
    else if (edition) {
      notices.push(`${askedCycle.name} does not use the ${edition.name}: showing ${showing}`)
    }
  }
  if (asked.cycleId && !shown) notices.push(`There is no cycle called ${quoted(asked.cycleId)}`)
  if (asked.regionId && shown && shown.regionId !== asked.regionId) {
    notices.push(`There is no region called ${quoted(asked.regionId)}: showing all regions`)
  }
  if (asked.organisationType && shown && shown.organisationType !== asked.organisationType) {
    notices.push(`There is no organisation type called ${quoted(asked.organisationType)}: showing all types`)
  }
  return notices
}
