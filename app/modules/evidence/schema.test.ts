import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { formatEvidencePeriod } from './period'
import { dateFromParts, partsFromDate } from '~/utils/date-input'
import {
  addFilesSchema,
  editEvidenceSchema,
  newEvidenceSchema,
  parseEvidenceFilters,
  replaceFileSchema,
} from './schema'

function form(values: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.append(key, value)
  return data
}

const VALID = {
  title: 'Library strategy 2025 to 2028',
  description: 'Approved by the Board in March.',
  'evidenceDateFrom.day': '1',
  'evidenceDateFrom.month': '4',
  'evidenceDateFrom.year': '2025',
  'evidenceDateTo.day': '31',
  'evidenceDateTo.month': '3',
  'evidenceDateTo.year': '2028',
}

function errorsOf(submission: object) {
  return 'error' in submission ? submission.error : undefined
}

describe('the new evidence form', () => {
  it('accepts details with files, giving dates at midnight UTC', () => {
    const submission = parseWithZod(form(VALID), { schema: newEvidenceSchema({ fileCount: 2 }) })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toEqual({
      title: 'Library strategy 2025 to 2028',
      description: 'Approved by the Board in March.',
      evidenceDateFrom: new Date('2025-04-01T00:00:00Z'),
      evidenceDateTo: new Date('2028-03-31T00:00:00Z'),
    })
  })

  it('accepts a web link instead of files, with no end date', () => {
    const { 'evidenceDateTo.day': _d, 'evidenceDateTo.month': _m, 'evidenceDateTo.year': _y, ...rest } = VALID
    const submission = parseWithZod(form({ ...rest, url: 'https://www.example.nhs.uk/annual-report' }), {
      schema: newEvidenceSchema({ fileCount: 0 }),
    })
    expect(submission.status).toBe('success')
    if (submission.status === 'success')
      expect(submission.value).toMatchObject({ url: 'https://www.example.nhs.uk/annual-report', evidenceDateTo: null })
  })

  it('asks for a title, a start date, and files or a link', () => {
    const submission = parseWithZod(form({}), { schema: newEvidenceSchema({ fileCount: 0 }) })
    expect(errorsOf(submission)).toEqual({
      title: ['Enter a title'],
      evidenceDateFrom: ['Enter the evidence start date'],
      files: ['Select a file or enter a web link'],
    })
  })

  it('refuses files and a link together, and more than 10 files', () => {
    const submission = parseWithZod(form({ ...VALID, url: 'https://example.org/' }), {
      schema: newEvidenceSchema({ fileCount: 20 }),
    })
    expect(errorsOf(submission)).toEqual({
      url: ['Enter a web link or select files, not both'],
      files: ['Select up to 10 files at a time'],
    })
  })

  it('refuses links that are not http or https', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.org/report.pdf',
      'data:text/html,hi',
    ]) {
      const submission = parseWithZod(form({ ...VALID, url }), { schema: newEvidenceSchema({ fileCount: 0 }) })
      expect(errorsOf(submission), url).toEqual({ url: ['Web link must start with http:// or https://'] })
    }
    const malformed = parseWithZod(form({ ...VALID, url: 'www.example.org' }), {
      schema: newEvidenceSchema({ fileCount: 0 }),
    })
    expect(errorsOf(malformed)).toEqual({
      url: ['Enter a web link in the correct format, like https://www.example.nhs.uk/annual-report'],
    })
  })

  it('limits the title and description', () => {
    const submission = parseWithZod(form({ ...VALID, title: 'x'.repeat(201), description: 'y'.repeat(5001) }), {
      schema: newEvidenceSchema({ fileCount: 1 }),
    })
    expect(errorsOf(submission)).toEqual({
      title: ['Title must be 200 characters or fewer'],
      description: ['Description must be 5,000 characters or fewer'],
    })
  })

  it('checks each date and their order', () => {
    const missing = parseWithZod(form({ ...VALID, 'evidenceDateFrom.month': '', 'evidenceDateFrom.year': '' }), {
      schema: newEvidenceSchema({ fileCount: 1 }),
    })
    expect(errorsOf(missing)).toEqual({ evidenceDateFrom: ['Evidence start date must include a month and a year'] })
    const impossible = parseWithZod(form({ ...VALID, 'evidenceDateTo.day': '31', 'evidenceDateTo.month': '2' }), {
      schema: newEvidenceSchema({ fileCount: 1 }),
    })
    expect(errorsOf(impossible)).toEqual({ evidenceDateTo: ['Evidence end date must be a real date'] })
    const backwards = parseWithZod(form({ ...VALID, 'evidenceDateTo.year': '2024' }), {
      schema: newEvidenceSchema({ fileCount: 1 }),
    })
    expect(errorsOf(backwards)).toEqual({
      evidenceDateTo: ['Evidence end date must be the same as or after the start date'],
    })
  })
})

describe('the other evidence forms', () => {
  it('edit: a link item must keep a link; an item of files takes none', () => {
    expect(errorsOf(parseWithZod(form(VALID), { schema: editEvidenceSchema({ isLink: true }) }))).toEqual({
      url: ['Enter a web link'],
    })
    expect(
      parseWithZod(form({ ...VALID, url: 'http://example.org/x' }), { schema: editEvidenceSchema({ isLink: true }) })
        .status,
    ).toBe('success')
    const files = parseWithZod(form(VALID), { schema: editEvidenceSchema({ isLink: false }) })
    expect(files.status === 'success' && files.value.url).toBeUndefined()
  })

  it('add files needs one to ten files; replace needs exactly one', () => {
    expect(errorsOf(parseWithZod(form({}), { schema: addFilesSchema({ fileCount: 0 }) }))).toEqual({
      files: ['Select a file'],
    })
    expect(errorsOf(parseWithZod(form({}), { schema: addFilesSchema({ fileCount: 11 }) }))).toEqual({
      files: ['Select up to 10 files at a time'],
    })
    expect(parseWithZod(form({}), { schema: addFilesSchema({ fileCount: 10 }) }).status).toBe('success')
    expect(errorsOf(parseWithZod(form({}), { schema: replaceFileSchema({ fileCount: 0 }) }))).toEqual({
      files: ['Select a file'],
    })
    expect(errorsOf(parseWithZod(form({}), { schema: replaceFileSchema({ fileCount: 2 }) }))).toEqual({
      files: ['Select one file'],
    })
  })
})

describe('dates', () => {
  it('turns day, month and year into a UTC date and back', () => {
    expect(dateFromParts({ day: '29', month: '2', year: '2024' })).toEqual({ date: new Date('2024-02-29T00:00:00Z') })
    expect(dateFromParts({ day: '29', month: '2', year: '2025' }).error).toBe('invalid')
    expect(dateFromParts({ day: '1', month: '13', year: '2025' }).error).toBe('invalid')
    expect(dateFromParts({ day: '1', month: '1', year: '25' }).error).toBe('invalid')
    expect(dateFromParts({})).toEqual({ date: null })
    expect(partsFromDate(new Date('2025-04-01T00:00:00Z'))).toEqual({ day: '1', month: '4', year: '2025' })
    expect(partsFromDate(null)).toBeUndefined()
  })
})

describe('the library filters', () => {
  it('reads every filter from the query string', () => {
    const params = new URLSearchParams(
      'q=strategy&outcome=3&from.day=1&from.month=4&from.year=2025&to.day=31&to.month=3&to.year=2026&archived=yes',
    )
    expect(parseEvidenceFilters(params)).toMatchObject({
      filters: {
        q: 'strategy',
        outcome: 3,
        from: new Date('2025-04-01T00:00:00Z'),
        to: new Date('2026-03-31T00:00:00Z'),
        includeArchived: true,
      },
      errors: {},
    })
  })

  it('drops a filter that is not valid and says why', () => {
    const { filters, errors, values } = parseEvidenceFilters(
      new URLSearchParams('outcome=seven&from.day=31&from.month=2&from.year=2025&to.month=3'),
    )
    expect(filters).toEqual({ includeArchived: false })
    expect(errors).toEqual({
      outcome: 'Select an outcome from the list',
      from: 'Evidence date from must be a real date',
      to: 'Evidence date to must include a day and a year',
    })
    expect(values.outcome).toBe('seven')
  })

  it('refuses a range that ends before it starts', () => {
    const { filters, errors } = parseEvidenceFilters(
      new URLSearchParams('from.day=1&from.month=4&from.year=2025&to.day=1&to.month=1&to.year=2025'),
    )
    expect(filters.to).toBeUndefined()
    expect(errors.to).toBe('Evidence date to must be the same as or after evidence date from')
  })
})

describe('the evidence period', () => {
  it('reads as one date or a range', () => {
    expect(formatEvidencePeriod(new Date('2026-03-14T00:00:00Z'), null)).toBe('14 March 2026')
    expect(formatEvidencePeriod('2026-03-14T00:00:00Z', '2026-03-14T00:00:00Z')).toBe('14 March 2026')
    expect(formatEvidencePeriod(new Date('2025-04-01T00:00:00Z'), new Date('2026-03-31T00:00:00Z'))).toBe(
      '1 April 2025 to 31 March 2026',
    )
  })
})
