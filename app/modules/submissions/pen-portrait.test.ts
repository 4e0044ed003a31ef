import { describe, expect, it } from 'vitest'
import { summariseStaffing } from './pen-portrait'

describe('qualified-staff ratio', () => {
  it('compares qualified WTE with 1 per 1,250 WTE staff', () => {
    const summary = summariseStaffing(
      [
        { wte: 1, qualified: true },
        { wte: 0.6, qualified: true },
        { wte: 2, qualified: false },
      ],
      [3000, 1500.5, null],
      1250,
    )
    expect(summary).toEqual({
      totalPostsWte: 3.6,
      qualifiedWte: 1.6,
      organisationStaffWte: 4500.5,
      staffPerQualified: 2813,
      policyQualifiedWte: 3.6,
      meetsPolicy: false,
    })
  })

  it('meets the policy when qualified WTE reaches the policy figure', () => {
    expect(summariseStaffing([{ wte: 2, qualified: true }], [2500], 1250)).toMatchObject({
      staffPerQualified: 1250,
      policyQualifiedWte: 2,
      meetsPolicy: true,
    })
  })

  it('has no ratio without qualified staff, and never meets the policy without staff figures', () => {
    expect(summariseStaffing([{ wte: 1, qualified: false }], [1000], 1250)).toMatchObject({
      staffPerQualified: null,
      meetsPolicy: false,
    })
    expect(summariseStaffing([{ wte: 1, qualified: true }], [null], 1250)).toMatchObject({
      organisationStaffWte: 0,
      meetsPolicy: false,
    })
  })
})
