import { describe, expect, it } from 'vitest'
import { safeRedirect } from './http.server'

describe('safeRedirect', () => {
  it.each([
    ['/submissions/abc', '/submissions/abc'],
    ['/framework?edition=2019#outcome-2', '/framework?edition=2019#outcome-2'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [null, '/'],
    ['/a\u0000b', '/'],
    ['  /home', '/home'],
  ])('%s becomes %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })

  it('uses the fallback given', () => {
    expect(safeRedirect('https://evil.example', '/home')).toBe('/home')
  })
})
