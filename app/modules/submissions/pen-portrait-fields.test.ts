import { describe, expect, it } from 'vitest'
import { conflictNames, CONFLICTS_FIELD, mergeFields } from './merge'
import {
  applyPenPortraitChoices,
  mergedPostOrder,
  organisationKey,
  penPortraitFieldValues,
  penPortraitFormValue,
  penPortraitInputName,
  penPortraitValuesOf,
  postKey,
  postValue,
  type PenPortraitValues,
} from './pen-portrait-fields'

const values: PenPortraitValues = {
  organisations: [
    { organisationId: 'o1', staffHeadcount: 6200, staffWte: 5480.5 },
    { organisationId: 'o2', staffHeadcount: null, staffWte: null },
  ],
  staffPosts: [
    { id: 'p1', title: 'Head of service', wte: 1, qualified: true },
    { id: 'p2', title: 'Library assistant', wte: 0.6, qualified: false },
  ],
  budgetPounds: 250_000,
  strategyEvidenceId: 'e1',
  annualReportEvidenceId: null,
  slaEvidenceIds: ['e2', 'e3'],
  contextNotes: 'Two sites.\r\nOne catalogue.',
}
const order = { organisationIds: ['o1', 'o2'], postIds: ['p1', 'p2'] }

describe('the pen portrait as the merge sees it', () => {
  it('keys organisations, posts (by row id) and agreements, and reads them back', () => {
    const fields = penPortraitFieldValues(values)
    expect(fields).toEqual({
      budget: '250000',
      strategy: 'e1',
      annualReport: '',
      contextNotes: 'Two sites.\nOne catalogue.',
      'organisation/o1/headcount': '6200',
      'organisation/o1/wte': '5480.5',
      'organisation/o2/headcount': '',
      'organisation/o2/wte': '',
      'post/p1': '["Head of service",1,"yes"]',
      'post/p2': '["Library assistant",0.6,"no"]',
      'sla/e2': 'yes',
      'sla/e3': 'yes',
    })
    expect(penPortraitValuesOf(fields, order)).toEqual({ ...values, contextNotes: 'Two sites.\nOne catalogue.' })
  })

  it('keys a post not saved yet by its place in the form', () => {
    const fields = penPortraitFieldValues({
      ...values,
      staffPosts: [...values.staffPosts, { id: null, title: 'Outreach librarian', wte: 1, qualified: true }],
    })
    expect(fields['post/new-2']).toBe('["Outreach librarian",1,"yes"]')
    expect(penPortraitValuesOf(fields, { ...order, postIds: ['p1', 'p2', 'new-2'] }).staffPosts[2]).toEqual({
      id: null,
      title: 'Outreach librarian',
      wte: 1,
      qualified: true,
    })
  })

  it('merges changes to different posts and organisations, whatever their order, and asks about a post removed on one side and changed on the other', () => {
    const base = penPortraitFieldValues(values)
    const theirs = penPortraitFieldValues({
      ...values,
      organisations: [{ organisationId: 'o1', staffHeadcount: 6300, staffWte: 5480.5 }, values.organisations[1]!],
      staffPosts: [values.staffPosts[0]!, { ...values.staffPosts[1]!, wte: 0.8 }],
      slaEvidenceIds: ['e2'],
    })
    const mine = penPortraitFieldValues({
      ...values,
      organisations: [values.organisations[0]!, { organisationId: 'o2', staffHeadcount: 900, staffWte: 800 }],
      staffPosts: [{ ...values.staffPosts[0]!, title: 'Head of knowledge services' }],
      slaEvidenceIds: ['e2', 'e3', 'e4'],
      contextNotes: 'Two sites.\nOne catalogue.',
    })
    const { merged, conflicts } = mergeFields(base, theirs, mine)
    expect(conflicts).toEqual([postKey('p2')])
    const result = penPortraitValuesOf(merged, { ...order, postIds: mergedPostOrder(['p1'], ['p1', 'p2']) })
    expect(result.organisations).toEqual([
      { organisationId: 'o1', staffHeadcount: 6300, staffWte: 5480.5 },
      { organisationId: 'o2', staffHeadcount: 900, staffWte: 800 },
    ])
    expect(result.staffPosts).toEqual([{ id: 'p1', title: 'Head of knowledge services', wte: 1, qualified: true }])
    expect(result.slaEvidenceIds).toEqual(['e2', 'e4'])
  })

  it('names the input of each key', () => {
    expect(penPortraitInputName('budget', ['o1'])).toBe('budgetPounds')
    expect(penPortraitInputName('contextNotes', ['o1'])).toBe('contextNotes')
    expect(penPortraitInputName(organisationKey('o2', 'wte'), ['o1', 'o2'])).toBe('organisations[1].staffWte')
    expect(penPortraitInputName(organisationKey('o3', 'wte'), ['o1', 'o2'])).toBeNull()
    expect(penPortraitInputName(postKey('p2'), [])).toBe('postRow/p2')
    expect(penPortraitInputName('sla/e2', [])).toBeNull()
  })
})

describe('choices on the pen portrait’s conflict page', () => {
  const posted = () => {
    const formData = new FormData()
    formData.set('organisations[0].organisationId', 'o1')
    formData.set('staffPosts[0].id', 'p1')
    formData.set('staffPosts[0].title', 'Head of service')
    formData.set('staffPosts[0].wte', '1')
    formData.set('staffPosts[0].qualified', 'yes')
    // Post p2 in conflict: only its id is in the row.
    formData.set('staffPosts[1].id', 'p2')
    formData.set('budgetPounds', '300000')
    formData.set(CONFLICTS_FIELD, JSON.stringify([postKey('p2'), 'budget', 'contextNotes']))
    const p2 = conflictNames(postKey('p2'))
    formData.set(p2.mine, '')
    formData.set(p2.theirs, postValue({ title: 'Library assistant', wte: 0.8, qualified: false }))
    const budget = conflictNames('budget')
    formData.set(budget.mine, '300000')
    formData.set(budget.theirs, '275000')
    const notes = conflictNames('contextNotes')
    formData.set(notes.mine, 'Mine')
    formData.set(notes.theirs, 'Theirs')
    formData.set('contextNotes', 'Mine and theirs')
    return formData
  }

  it('puts the chosen version of a post in its row, and the other fields’ choices in their inputs', () => {
    const formData = posted()
    formData.set(conflictNames(postKey('p2')).choice, 'theirs')
    formData.set(conflictNames('budget').choice, 'theirs')
    formData.set(conflictNames('contextNotes').choice, 'merged')
    expect(applyPenPortraitChoices(formData)).toEqual([])
    expect(Object.fromEntries([...formData.entries()].filter(([name]) => !name.includes('/')))).toMatchObject({
      'staffPosts[1].id': 'p2',
      'staffPosts[1].title': 'Library assistant',
      'staffPosts[1].wte': '0.8',
      'staffPosts[1].qualified': 'no',
      budgetPounds: '275000',
      contextNotes: 'Mine and theirs',
    })
    expect(formData.has('postRow/p2')).toBe(false)
  })

  it('leaves a post removed on the chosen side empty, and keeps yours where no choice was made', () => {
    const formData = posted()
    formData.set(conflictNames(postKey('p2')).choice, 'mine')
    expect(applyPenPortraitChoices(formData)).toEqual(['budget', 'contextNotes'])
    expect(formData.get('staffPosts[1].title')).toBe('')
    expect(formData.get('staffPosts[1].wte')).toBe('')
    expect(formData.has('staffPosts[1].qualified')).toBe(false)
    expect(formData.get('budgetPounds')).toBe('300000')
    expect(formData.get('contextNotes')).toBe('Mine')
  })

  it('builds the merged form, keeping the row of a post in conflict', () => {
    const merged = penPortraitFieldValues(values)
    merged[postKey('p2')] = ''
    const form = penPortraitFormValue(merged, order, [postKey('p2')])
    expect(form.staffPosts).toEqual([
      { id: 'p1', title: 'Head of service', wte: '1', qualified: 'yes' },
      { id: 'p2', title: '', wte: '', qualified: '' },
    ])
    expect(form).toMatchObject({ budgetPounds: '250000', strategyEvidenceId: 'e1', slaEvidenceIds: ['e2', 'e3'] })
    expect(penPortraitFormValue(merged, order, []).staffPosts).toHaveLength(1)
  })
})
