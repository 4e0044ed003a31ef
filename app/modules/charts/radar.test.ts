import { describe, expect, it } from 'vitest'
import { RADAR_SERIES_STYLES, markerOutline } from './radar'

describe('markerOutline', () => {
  it('gives each series marker its own outline, centred on the point, at the size asked for', () => {
    const outlines = RADAR_SERIES_STYLES.map((style) => markerOutline(style.marker, 10, 20, 4))
    expect(new Set(outlines.map((o) => JSON.stringify(o))).size).toBe(RADAR_SERIES_STYLES.length)
    for (const outline of outlines) {
      const points = outline.kind === 'circle' ? [[outline.x, outline.y]] : outline.points
      const xs = points.map(([x]) => x!)
      expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(10, 5)
      if (outline.kind === 'circle') expect(outline.r).toBe(4)
      else expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThanOrEqual(8)
    }
  })
})
