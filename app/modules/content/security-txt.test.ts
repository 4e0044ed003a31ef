import { describe, expect, it } from 'vitest'
import { securityTxt, SECURITY_TXT_VALID_DAYS } from './security-txt'

describe('securityTxt', () => {
  const text = securityTxt({
    contactEmail: 'security@example.nhs.uk',
    origin: 'https://lks-quality.example.nhs.uk',
    now: new Date('2026-12-02T15:30:00Z'),
  })
  const fields = Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  )

  it('names the contact and the canonical address on the configured origin', () => {
    expect(fields.Contact).toBe('mailto:security@example.nhs.uk')
    expect(fields.Canonical).toBe('https://lks-quality.example.nhs.uk/.well-known/security.txt')
    expect(fields['Preferred-Languages']).toBe('en')
  })

  it('expires less than a year ahead, as RFC 9116 asks, at the start of a day', () => {
    expect(fields.Expires).toBe('2027-05-31T00:00:00.000Z')
    const days = (Date.parse(fields.Expires!) - Date.parse('2026-12-02T15:30:00Z')) / 86_400_000
    expect(days).toBeGreaterThan(SECURITY_TXT_VALID_DAYS - 1)
    expect(days).toBeLessThan(365)
  })

  it('has exactly one Contact and one Expires field, each on its own line', () => {
    expect(text.match(/^Contact:/gm)).toHaveLength(1)
    expect(text.match(/^Expires:/gm)).toHaveLength(1)
    expect(text.endsWith('\n')).toBe(true)
  })
})
