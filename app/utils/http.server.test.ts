import { describe, expect, it } from 'vitest'
import { integerParam, safeRedirect } from './http.server'

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

describe('integerParam', () => {
  it('reads a whole number within bounds', () => {
    expect(integerParam('3', 1, 6)).toBe(3)
  })

  it.each([undefined, '', '0', '7', '2.5', '-1', '1e1', ' 3', 'three'])('gives 404 for %j', (value) => {
    expect(() => integerParam(value, 1, 6)).toThrow(Response)
    try {
      integerParam(value, 1, 6)
    } catch (error) {
      expect((error as Response).status).toBe(404)
    }
  })
})
