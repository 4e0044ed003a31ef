import { describe, expect, it } from 'vitest'
import { csvCell, csvLine, guardFormula } from './csv'

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 3])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,3\r\n',
    )
  })

  it('keeps text a spreadsheet would run as a formula as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardFormula(`${start}1+1`)).toBe(`'${start}1+1`)
    expect(guardFormula('1+1')).toBe('1+1')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-5)).toBe('-5')
  })

  it('refuses numbers that are not finite', () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError)
  })
})
