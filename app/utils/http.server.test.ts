import { describe, expect, it } from 'vitest'
import { integerParam, safeRedirect } from './http.server'

// Open-redirect payloads from the usual lists (issue 12, finding 1). Whatever comes back must, when
// a browser resolves it as a Location against a portal page, stay on the portal.
const PORTAL = 'https://portal.example.nhs.uk'
const REDIRECT_PAYLOADS = [
  '/%2e/%2F/evil.example/phish',
  '/.//evil.example/phish',
  '/submissions/../..//evil.example',
  '/..//evil.example',
  '/a/../../..//evil.example',
  '/%2e%2e//evil.example',
  '/%2e//evil.example',
  '/./%2e/..//evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '/.\\evil.example',
  '/./\\evil.example',
  '/%5cevil.example',
  '/%5c%5cevil.example',
  '/%2f%2fevil.example',
  '/%2F/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  ' //evil.example',
  '\t//evil.example',
  'https://evil.example',
  'http:/evil.example',
  'https:evil.example',
  '//evil.example@portal.example.nhs.uk',
  '/@evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/./../.././/evil.example',
  '/x/..%2f..%2f/evil.example',
  '/\u3002evil.example',
  '/%E3%80%82/evil.example',
  '//evil%E3%80%82example',
  'evil.example',
  './/evil.example',
]

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

  it.each(REDIRECT_PAYLOADS)('keeps %j on the portal', (payload) => {
    const target = safeRedirect(payload)
    expect(target).toMatch(/^\/(?![/\\])/)
    // A browser resolves the Location against the page: it must stay on the portal.
    expect(new URL(target, `${PORTAL}/sign-in`).origin).toBe(PORTAL)
    // And the answer is stable: passing it through again changes nothing.
    expect(safeRedirect(target)).toBe(target)
  })

  it('checks at least 30 payloads', () => {
    expect(REDIRECT_PAYLOADS.length).toBeGreaterThanOrEqual(30)
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
