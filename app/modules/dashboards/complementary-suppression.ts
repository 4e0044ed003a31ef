// Complementary (secondary) suppression for published figures (issue 17, item 1). Pure: no I/O.
//
// Primary suppression hides counts from 1 to threshold - 1. On its own that can be undone: in a
// row `5 | <5 | 0 | total 8` the hidden cell is 8 - 5 - 0 = 3. Official statistics (ONS and NHS
// England disclosure control) therefore also hide "complementary" cells, so that no hidden value
// can be worked out from the others by addition or subtraction.
//
// The figures are described as linked tables: every cell has a key and a count, and every
// relation says that one cell (a total) is the sum of others (its parts). A row with its total, a
// column with its total, and a figure that another view shows broken down differently are all
// relations; a cell shown in two views has one key. The rule:
// 1. hide every count from 1 to threshold - 1 (primary suppression);
// 2. while some relation has exactly one hidden cell, hide the smallest other cell of that
//    relation too (a part before the total on a tie, so totals stay shown where they can);
// 3. when no relation has exactly one hidden cell, solve the whole system (Gaussian
//    elimination): if some hidden cell can still be worked out from several relations together,
//    hide the smallest shown cell of a relation it is in, and go back to 2.
// It ends because each round hides one more cell; with everything hidden nothing can be recovered.
// Zeros are shown unless chosen as complements: a zero describes nobody.

export type LinkedTables = {
  /** Every figure published, by key. Counts are whole numbers of at least 0. */
  cells: ReadonlyMap<string, number>
  /**
   * `total` is the sum of `parts`: each is a key of `cells`. With no parts, the total is known to be
   * 0 from the layout alone (a view with no column for it), so it is never hidden as a complement.
   */
  relations: ReadonlyArray<{ total: string; parts: readonly string[] }>
}

type Equation = readonly string[] // keys: the first is the total, the rest its parts

function equationsOf(tables: LinkedTables): Equation[] {
  return tables.relations.map((relation) => {
    for (const key of [relation.total, ...relation.parts]) {
      if (!tables.cells.has(key)) throw new Error(`A relation names the cell "${key}", which is not in the tables`)
    }
    return [relation.total, ...relation.parts]
  })
}

/** The smallest shown cell of an equation: a part before the total on a tie, then by key. */
function smallestShown(
  equation: Equation,
  cells: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  known: ReadonlySet<string>,
): string | null {
  let best: { key: string; value: number; isTotal: boolean } | null = null
  for (const [index, key] of equation.entries()) {
    if (hidden.has(key) || known.has(key)) continue
    const candidate = { key, value: cells.get(key)!, isTotal: index === 0 }
    const better =
      best === null ||
      candidate.value < best.value ||
      (candidate.value === best.value && best.isTotal && !candidate.isTotal) ||
      (candidate.value === best.value && best.isTotal === candidate.isTotal && candidate.key < best.key)
    if (better) best = candidate
  }
  return best?.key ?? null
}

const EPSILON = 1e-9

/**
 * The hidden cells whose values follow from the shown ones through the relations (by Gaussian
 * elimination over the hidden cells; each relation is one equation). Empty when the suppression
 * is safe against addition and subtraction.
 */
export function recoverableCells(tables: LinkedTables, hidden: ReadonlySet<string>): string[] {
  const unknowns = [...hidden].filter((key) => tables.cells.has(key)).sort()
  const column = new Map(unknowns.map((key, index) => [key, index]))
  const rows: number[][] = []
  for (const equation of equationsOf(tables)) {
    const row = new Array<number>(unknowns.length).fill(0)
    let any = false
    equation.forEach((key, index) => {
      const at = column.get(key)
      if (at === undefined) return
      row[at]! += index === 0 ? 1 : -1
      any = true
    })
    if (any) rows.push(row)
  }
  // Reduced row echelon form: a hidden cell is recoverable exactly when its column has a pivot
  // whose row has no other non-zero entry (that row reads "cell = known figures").
  const pivots: Array<{ row: number; column: number }> = []
  let next = 0
  for (let c = 0; c < unknowns.length && next < rows.length; c++) {
    let best = next
    for (let r = next + 1; r < rows.length; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[best]![c]!)) best = r
    if (Math.abs(rows[best]![c]!) < EPSILON) continue
    ;[rows[next], rows[best]] = [rows[best]!, rows[next]!]
    const pivotRow = rows[next]!
    const pivot = pivotRow[c]!
    for (let k = 0; k < pivotRow.length; k++) pivotRow[k]! /= pivot
    for (let r = 0; r < rows.length; r++) {
      if (r === next) continue
      const factor = rows[r]![c]!
      if (Math.abs(factor) < EPSILON) continue
      const target = rows[r]!
      for (let k = 0; k < target.length; k++) target[k]! -= factor * pivotRow[k]!
    }
    pivots.push({ row: next, column: c })
    next++
  }
  return pivots
    .filter(({ row, column: c }) => rows[row]!.every((value, k) => k === c || Math.abs(value) < EPSILON))
    .map(({ column: c }) => unknowns[c]!)
}

/** The keys to hide: the small counts and their complements, so that none can be worked out. */
export function complementarySuppression(tables: LinkedTables, threshold: number): Set<string> {
  const equations = equationsOf(tables)
  const known = new Set(equations.filter((e) => e.length === 1).map((e) => e[0]!))
  const hidden = new Set<string>()
  for (const [key, value] of tables.cells) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`The count "${key}" is ${value}`)
    if (value > 0 && value < threshold) hidden.add(key)
  }
  for (;;) {
    let changed = true
    while (changed) {
      changed = false
      for (const equation of equations) {
        if (equation.filter((key) => hidden.has(key)).length !== 1) continue
        const complement = smallestShown(equation, tables.cells, hidden, known)
        if (complement) {
          hidden.add(complement)
          changed = true
        }
      }
    }
    const recoverable = recoverableCells(tables, hidden)
    if (recoverable.length === 0) return hidden
    // Hide the smallest shown cell of an equation with a recoverable cell in it. There always is
    // one: a cell that can be worked out sits in an equation with a shown cell (a known zero is
    // never hidden as a complement, and a small count is never a known zero).
    let complement: string | null = null
    for (const key of recoverable) {
      for (const equation of equations) {
        if (!equation.includes(key)) continue
        complement = smallestShown(equation, tables.cells, hidden, known)
        if (complement) break
      }
      if (complement) break
    }
    if (!complement) throw new Error('Complementary suppression found a cell it cannot protect')
    hidden.add(complement)
  }
}
