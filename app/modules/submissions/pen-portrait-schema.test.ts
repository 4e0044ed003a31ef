// The pen portrait form's one schema, as the browser (Conform's onValidate) and the server parse it.
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { PenPortraitSchema } from './schema'

function parse(fields: Record<string, string>) {
  const formData = new FormData()
  formData.set('version', '3')
  for (const [name, value] of Object.entries(fields)) formData.set(name, value)
  return parseWithZod(formData, { schema: PenPortraitSchema })
}

const errorsOf = (fields: Record<string, string>) => {
  const result = parse(fields)
  return result.status === 'error' ? result.error : null
}

describe('the budget', () => {
  it.each([
    ['£250,000', 250000],
    ['250000', 250000],
    ['250,000.50', 250001],
    ['250,000.49', 250000],
    [' £ 1,250,000 ', 1250000],
    ['0', 0],
  ])('accepts %j as £%d', (budget, pounds) => {
    const result = parse({ budgetPounds: budget })
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(result.value.budgetPounds).toBe(pounds)
  })

  it('may be left empty', () => {
    const result = parse({ budgetPounds: '' })
    expect(result.status === 'success' && result.value.budgetPounds).toBeUndefined()
  })

  it.each(['250k', '£250,00', '-5', '25.5.5', '£', '1,000,000,001'])('refuses %j, saying how to write it', (budget) => {
    expect(errorsOf({ budgetPounds: budget })?.budgetPounds?.[0]).toMatch(
      /^(Enter the budget as an amount in pounds, like £250,000|Enter a budget of £1,000,000,000 or less)$/,
    )
  })
})

describe('the posts', () => {
  it('drops a row left empty, so a half-finished portrait can be saved', () => {
    const result = parse({
      'organisations[0].organisationId': 'org1',
      'organisations[0].staffWte': '2500',
      'staffPosts[0].title': '',
      'staffPosts[0].wte': '',
    })
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(result.value.staffPosts).toEqual([])
  })

  it('names the row of each thing missing from a row that was started', () => {
    const errors = errorsOf({
      'staffPosts[0].title': 'Head of library services',
      'staffPosts[0].wte': '1',
      'staffPosts[0].qualified': 'yes',
      'staffPosts[1].wte': '0.6',
      'staffPosts[2].title': 'Library assistant',
    })
    expect(errors).toEqual({
      'staffPosts[1].title': ['Enter the post title for post 2'],
      'staffPosts[1].qualified': [
        'Select whether the holder of post 2 is a qualified library and knowledge specialist',
      ],
      'staffPosts[2].wte': ['Enter the WTE for post 3, like 1 or 0.6'],
      'staffPosts[2].qualified': [
        'Select whether the holder of post 3 is a qualified library and knowledge specialist',
      ],
    })
  })

  it('names the row of a WTE that is not a number or out of range', () => {
    expect(
      errorsOf({ 'staffPosts[0].title': 'Librarian', 'staffPosts[0].wte': 'half', 'staffPosts[0].qualified': 'yes' }),
    ).toEqual({ 'staffPosts[0].wte': ['Enter the WTE of post 1 as a number, like 0.6'] })
    expect(
      errorsOf({ 'staffPosts[0].title': 'Librarian', 'staffPosts[0].wte': '0', 'staffPosts[0].qualified': 'yes' }),
    ).toEqual({ 'staffPosts[0].wte': ['The WTE of post 1 must be more than 0'] })
  })

  it('keeps the finished rows in order', () => {
    const result = parse({
      'staffPosts[0].title': 'Head of library services',
      'staffPosts[0].wte': '1',
      'staffPosts[0].qualified': 'yes',
      'staffPosts[1].title': ' Library assistant ',
      'staffPosts[1].wte': '0.8',
      'staffPosts[1].qualified': 'no',
    })
    expect(result.status === 'success' && result.value.staffPosts).toEqual([
      { title: 'Head of library services', wte: 1, qualified: 'yes' },
      { title: 'Library assistant', wte: 0.8, qualified: 'no' },
    ])
  })
})
