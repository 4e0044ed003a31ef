import { describe, expect, it } from 'vitest'
import {
  checkOrganisationRows,
  decodeCsvBytes,
  matchRegion,
  matchType,
  planOrganisationImport,
  readOrganisationCsv,
  rowErrorText,
  type ImportRegion,
  type RawRow,
} from './organisation-import'

const REGIONS: ImportRegion[] = [
  { id: 'r-ldn', code: 'Y56', name: 'London' },
  { id: 'r-nw', code: 'Y62', name: 'North West' },
  { id: 'r-ney', code: 'Y63', name: 'North East and Yorkshire' },
]

const utf8 = (text: string) => new TextEncoder().encode(text)

function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le')
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.alloc(le.length)
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!
    be[i + 1] = le[i]!
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be])
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeCsvBytes(utf8('ODS code,Name\nRXV,Hôpital\n'))).toEqual({
      ok: true,
      text: 'ODS code,Name\nRXV,Hôpital\n',
      encoding: 'UTF-8',
    })
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a,b\n')]))).toEqual({
      ok: true,
      text: 'a,b\n',
      encoding: 'UTF-8',
    })
  })

  it('reads UTF-16 with a byte order mark, either way round, and little-endian without one', () => {
    const text = 'ODS code,Name\r\nW1,Ysbyty Gwynedd\r\nH1,Hôpital Łódź\r\n'
    expect(decodeCsvBytes(utf16le(text))).toEqual({ ok: true, text, encoding: 'UTF-16' })
    expect(decodeCsvBytes(utf16be(text))).toEqual({ ok: true, text, encoding: 'UTF-16' })
    expect(decodeCsvBytes(utf16le(text, false))).toEqual({ ok: true, text, encoding: 'UTF-16' })
  })

  it('reads a file that is not UTF-8 as Windows-1252, as Excel on Windows saves CSV', () => {
    // "Hôpital Général – Gwynedd" in Windows-1252: ô = F4, é = E9, en dash = 96.
    const bytes = Buffer.concat([
      utf8('Name\nH'),
      Buffer.from([0xf4]),
      utf8('pital G'),
      Buffer.from([0xe9]),
      utf8('n'),
      Buffer.from([0xe9]),
      utf8('ral '),
      Buffer.from([0x96]),
      utf8(' Gwynedd\n'),
    ])
    expect(decodeCsvBytes(bytes)).toEqual({
      ok: true,
      text: 'Name\nHôpital Général – Gwynedd\n',
      encoding: 'Windows-1252',
    })
  })

  it('refuses an empty file, and one of only spaces and line breaks', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: false, message: 'The selected file is empty' })
    expect(decodeCsvBytes(utf8(' \r\n\n'))).toEqual({ ok: false, message: 'The selected file is empty' })
  })

  it('refuses a PDF, a spreadsheet and binary data', () => {
    const pdf = decodeCsvBytes(utf8('%PDF-1.7\n1 0 obj <<>> endobj\n'))
    expect(pdf).toEqual({
      ok: false,
      message: 'The selected file is a PDF, not a CSV file. Upload the organisations as a CSV file',
    })
    const xlsx = decodeCsvBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
    expect(xlsx.ok).toBe(false)
    expect(!xlsx.ok && xlsx.message).toContain('is a spreadsheet or document, not a CSV file')
    const garbage = Buffer.from([0x89, 0x13, 0x00, 0xfe, 0x01, 0x02, 0x7f, 0xc3, 0x28, 0x9d, 0x05, 0x06, 0x90, 0x11])
    expect(decodeCsvBytes(garbage)).toEqual({
      ok: false,
      message: expect.stringContaining('The selected file must be a CSV file'),
    })
  })

  it('refuses Windows-1252 bytes that have no character', () => {
    expect(decodeCsvBytes(Buffer.concat([utf8('Name\nA'), Buffer.from([0x81]), utf8('\n')])).ok).toBe(false)
  })
})

describe('readOrganisationCsv', () => {
  it('finds the columns by header in any order and spelling, and numbers rows as a spreadsheet does', () => {
    const result = readOrganisationCsv(
      'Region,ods_code,Organisation Name,Notes,TYPE\r\nY56,rth,Thameside Hospitals,x,Acute trust\r\n\r\nLondon, R1A ,"Kingsmere, Partnership",,ICB\r\n',
    )
    expect(result).toEqual({
      ok: true,
      ignoredColumns: ['Notes'],
      rows: [
        { row: 2, odsCode: 'rth', name: 'Thameside Hospitals', type: 'Acute trust', region: 'Y56' },
        { row: 4, odsCode: 'R1A', name: 'Kingsmere, Partnership', type: 'ICB', region: 'London' },
      ],
    })
  })

  it('accepts "Code" for the ODS code and semicolon-separated files', () => {
    const result = readOrganisationCsv('Code;Name;Type;Region\nRXV;Ribble;Acute trust;Y62\n')
    expect(result.ok && result.rows).toEqual([
      { row: 2, odsCode: 'RXV', name: 'Ribble', type: 'Acute trust', region: 'Y62' },
    ])
  })

  it('names the missing columns', () => {
    expect(readOrganisationCsv('ODS code,Name,Type\nRXV,Ribble,Acute trust\n')).toEqual({
      ok: false,
      message: 'The file must have columns for ODS code, name, type and region. It is missing: region',
    })
    expect(readOrganisationCsv('Code,Colour\nRXV,blue\n')).toEqual({
      ok: false,
      message: 'The file must have columns for ODS code, name, type and region. It is missing: name, type and region',
    })
  })

  it('refuses two columns for the same thing', () => {
    const result = readOrganisationCsv('ODS code,Name,Type,Region code,Region name\nRXV,R,Acute trust,Y62,North West\n')
    expect(result).toEqual({
      ok: false,
      message: 'The file has more than one column for region: ‘Region code’ and ‘Region name’. Remove one of them',
    })
  })

  it('refuses a header with no rows under it, and CSV with a quote left open', () => {
    expect(readOrganisationCsv('ODS code,Name,Type,Region\n,,,\n')).toEqual({
      ok: false,
      message: 'The file has column headings but no organisations. Add a row for each organisation',
    })
    const open = readOrganisationCsv('ODS code,Name,Type,Region\nRXV,"Ribble,Acute trust,Y62\n')
    expect(open.ok).toBe(false)
    expect(!open.ok && open.message).toMatch(/^The file could not be read as CSV/)
  })
})

describe('checkOrganisationRows', () => {
  const row = (n: number, values: Partial<RawRow> = {}): RawRow => ({
    row: n,
    odsCode: `C0${n}`,
    name: `Org ${n}`,
    type: 'Acute trust',
    region: 'London',
    ...values,
  })

  it('resolves types by label, code or short form and regions by code or name', () => {
    expect(matchType('Mental health trust')).toBe('MENTAL_HEALTH_TRUST')
    expect(matchType('integrated_care_board')).toBe('INTEGRATED_CARE_BOARD')
    expect(matchType('ICB')).toBe('INTEGRATED_CARE_BOARD')
    expect(matchType('Hospice')).toBeNull()
    expect(matchRegion('y62', REGIONS)?.id).toBe('r-nw')
    expect(matchRegion('north east and yorkshire', REGIONS)?.id).toBe('r-ney')
    expect(matchRegion('NHS England London', REGIONS)?.id).toBe('r-ldn')
    expect(matchRegion('Atlantis', REGIONS)).toBeNull()
  })

  it('upper-cases ODS codes and gives each good row its type and region', () => {
    const { valid, errors } = checkOrganisationRows(
      [row(2, { odsCode: ' rxv ', type: 'ACUTE_TRUST', region: 'Y62' })],
      REGIONS,
    )
    expect(errors).toEqual([])
    expect(valid).toEqual([{ row: 2, odsCode: 'RXV', name: 'Org 2', type: 'ACUTE_TRUST', regionId: 'r-nw' }])
  })

  it('names the row and column of every problem', () => {
    const { valid, errors } = checkOrganisationRows(
      [
        row(2),
        row(3, { odsCode: 'R-1' }),
        row(4, { region: 'Atlantis' }),
        row(5, { type: 'Hospice', name: '' }),
        row(6, { odsCode: '', region: '' }),
      ],
      REGIONS,
    )
    expect(valid.map((r) => r.row)).toEqual([2])
    expect(errors.map((e) => [e.rows, e.column])).toEqual([
      [[3], 'odsCode'],
      [[4], 'region'],
      [[5], 'name'],
      [[5], 'type'],
      [[6], 'odsCode'],
      [[6], 'region'],
    ])
    expect(errors.map(rowErrorText)).toEqual([
      'Row 3: ODS code ‘R-1’ must be 3 to 10 letters and numbers',
      'Row 4: Enter a region we know: ‘Atlantis’ is not a region',
      'Row 5: Enter a name',
      'Row 5: Enter a type we know: ‘Hospice’ is not a type. Use one of: Acute trust, Mental health trust, Community trust, Ambulance trust, Integrated care board, Higher education institution, Other',
      'Row 6: Enter an ODS code',
      'Row 6: Enter a region',
    ])
  })

  it('names both rows of a repeated ODS code, whatever its case, and imports neither', () => {
    const { valid, errors } = checkOrganisationRows(
      [row(2, { odsCode: 'RXV' }), row(3), row(7, { odsCode: 'rxv' })],
      REGIONS,
    )
    expect(errors.map(rowErrorText)).toEqual([
      'Rows 2 and 7: ODS code RXV is on more than one row. Keep one row for each organisation',
    ])
    expect(valid.map((r) => r.odsCode)).toEqual(['C03'])
  })
})

describe('planOrganisationImport', () => {
  const at = new Date('2026-01-05T10:00:00.000Z')
  const existing = [
    {
      id: 'o1',
      odsCode: 'RXV',
      name: 'Ribble Valley',
      type: 'ACUTE_TRUST',
      regionId: 'r-nw',
      updatedAt: at,
      active: true,
    },
    {
      id: 'o2',
      odsCode: 'RTH',
      name: 'Thameside',
      type: 'ACUTE_TRUST',
      regionId: 'r-ldn',
      updatedAt: at,
      active: false,
    },
  ]

  it('sorts rows into new, changed (saying what changes) and unchanged', () => {
    const plan = planOrganisationImport(
      [
        { row: 2, odsCode: 'NEW1', name: 'New Trust', type: 'OTHER', regionId: 'r-ldn' },
        { row: 3, odsCode: 'RXV', name: 'Ribble Valley Teaching', type: 'MENTAL_HEALTH_TRUST', regionId: 'r-ney' },
        { row: 4, odsCode: 'RTH', name: 'Thameside', type: 'ACUTE_TRUST', regionId: 'r-ldn' },
      ],
      existing,
      REGIONS,
    )
    expect(plan.creates.map((r) => r.odsCode)).toEqual(['NEW1'])
    expect(plan.updates).toEqual([
      {
        row: 3,
        odsCode: 'RXV',
        name: 'Ribble Valley Teaching',
        type: 'MENTAL_HEALTH_TRUST',
        regionId: 'r-ney',
        id: 'o1',
        version: '2026-01-05T10:00:00.000Z',
        active: true,
        changes: [
          { field: 'name', from: 'Ribble Valley', to: 'Ribble Valley Teaching' },
          { field: 'type', from: 'Acute trust', to: 'Mental health trust' },
          { field: 'region', from: 'North West', to: 'North East and Yorkshire' },
        ],
      },
    ])
    expect(plan.unchanged).toEqual([
      { row: 4, odsCode: 'RTH', name: 'Thameside', type: 'ACUTE_TRUST', regionId: 'r-ldn', id: 'o2', active: false },
    ])
  })
})
