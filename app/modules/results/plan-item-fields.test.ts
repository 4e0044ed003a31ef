import { describe, expect, it } from 'vitest'
import { conflictNames, CONFLICTS_FIELD, mergeFields } from '~/modules/submissions/merge'
import {
  applyPlanItemChoices,
  planItemFieldValues,
  planItemFormValue,
  planItemInputName,
  planItemValuesOf,
  type PlanItemValues,
} from './plan-item-fields'

const item: PlanItemValues = {
  action: 'Run evidence search training',
  requiredActionId: null,
  owner: 'Clinical Librarian',
  dueDate: new Date('2027-06-30T00:00:00Z'),
  status: 'IN_PROGRESS',
  progressNotes: 'Two of six sessions held.\r\nMore booked.',
}

describe('a development plan item as the merge sees it', () => {
  it('keys every field, the due date as its day, and reads them back', () => {
    const fields = planItemFieldValues(item)
    expect(fields).toEqual({
      action: 'Run evidence search training',
      requiredActionId: '',
      owner: 'Clinical Librarian',
      dueDate: '2027-06-30',
      status: 'IN_PROGRESS',
      progressNotes: 'Two of six sessions held.\nMore booked.',
    })
    expect(planItemValuesOf(fields, new Date(0))).toEqual({
      ...item,
      progressNotes: 'Two of six sessions held.\nMore booked.',
    })
    expect(planItemFormValue(fields).dueDate).toEqual({ day: '30', month: '6', year: '2027' })
  })

  it('merges a status changed on one side with a due date changed on the other, and asks about notes both changed', () => {
    const base = planItemFieldValues(item)
    const theirs = planItemFieldValues({ ...item, status: 'COMPLETE', progressNotes: 'All six held.' })
    const mine = planItemFieldValues({
      ...item,
      dueDate: new Date('2027-09-30T00:00:00Z'),
      progressNotes: 'Four held.',
    })
    const { merged, conflicts } = mergeFields(base, theirs, mine)
    expect(conflicts).toEqual(['progressNotes'])
    expect(planItemValuesOf(merged, item.dueDate)).toMatchObject({
      status: 'COMPLETE',
      dueDate: new Date('2027-09-30T00:00:00Z'),
    })
  })

  it('names the input of each key; the chosen due date goes into its three boxes', () => {
    expect(planItemInputName('owner')).toBe('owner')
    expect(planItemInputName('version')).toBeNull()
    const formData = new FormData()
    formData.set('dueDate.day', '30')
    formData.set('dueDate.month', '9')
    formData.set('dueDate.year', '2027')
    formData.set('status', 'IN_PROGRESS')
    formData.set(CONFLICTS_FIELD, JSON.stringify(['dueDate', 'status']))
    const due = conflictNames('dueDate')
    formData.set(due.choice, 'theirs')
    formData.set(due.mine, '2027-09-30')
    formData.set(due.theirs, '2027-12-31')
    const status = conflictNames('status')
    formData.set(status.mine, 'IN_PROGRESS')
    formData.set(status.theirs, 'COMPLETE')
    expect(applyPlanItemChoices(formData)).toEqual(['status'])
    expect([formData.get('dueDate.day'), formData.get('dueDate.month'), formData.get('dueDate.year')]).toEqual([
      '31',
      '12',
      '2027',
    ])
    expect(formData.get('status')).toBe('IN_PROGRESS')
    expect(formData.has('dueDateChoice')).toBe(false)
  })
})
