import { describe, expect, it } from 'vitest'
import { pointerPage, previewHref } from './pointer'

describe('pointerPage', () => {
  it.each([
    ['page 2', 2],
    ['Page 12', 12],
    ['p. 3', 3],
    ['p3', 3],
    ['pp. 4-6', 4],
    ['pages 4 to 6', 4],
    ['page 2, table 3', 2],
    ['7', 7],
    [' page 2 ', 2],
  ])('reads "%s" as page %i', (pointer, page) => {
    expect(pointerPage(pointer)).toBe(page)
  })

  it.each(['', 'section 3', 'sheet "CPD"', 'appendix B', 'page two', 'page 0', '2021 annual report', 'paragraph 4'])(
    'reads "%s" as no page',
    (pointer) => {
      expect(pointerPage(pointer)).toBeNull()
    },
  )
})

describe('previewHref', () => {
  it('opens a PDF at the page the pointer names', () => {
    expect(previewHref('v1', 'pdf', 'page 2')).toBe('/evidence/files/v1/preview#page=2')
  })

  it('opens the preview at its start when the pointer names no page, or the file is an image', () => {
    expect(previewHref('v1', 'pdf', 'section 3')).toBe('/evidence/files/v1/preview')
    expect(previewHref('v1', 'image', 'page 2')).toBe('/evidence/files/v1/preview')
  })
})
