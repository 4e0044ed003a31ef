import { describe, expect, it } from 'vitest'
import { policyStatement, summariseStaffing } from './pen-portrait'

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

describe('policyStatement', () => {
  const empty = summariseStaffing([], [], 1250)

  it('says what to fill in for an empty portrait, never that it fails the policy', () => {
    const text = policyStatement(empty, 1250)
    expect(text).toBe(
      'The policy is 1 qualified library and knowledge specialist per 1,250 WTE staff. Enter the staff WTE of the organisations you serve and your library and knowledge service posts and save, to see whether the service meets it.',
    )
    expect(text).not.toContain('does not meet')
    expect(text).not.toContain('0 qualified WTE needed')
  })

  it('asks only for what is missing', () => {
    expect(policyStatement(summariseStaffing([{ wte: 1, qualified: true }], [null], 1250), 1250)).toContain(
      'Enter the staff WTE of the organisations you serve and save',
    )
    expect(policyStatement(summariseStaffing([], [3000], 1250), 1250)).toContain(
      'Enter your library and knowledge service posts and save',
    )
  })

  it('measures a portrait with its figures against the policy', () => {
    expect(policyStatement(summariseStaffing([{ wte: 1, qualified: true }], [3000], 1250), 1250)).toBe(
      'The policy is 1 qualified library and knowledge specialist per 1,250 WTE staff. 2.4 qualified WTE needed. The service does not meet the policy ratio yet.',
    )
    expect(policyStatement(summariseStaffing([{ wte: 2, qualified: true }], [2500], 1250), 1250)).toContain(
      'The service meets the policy ratio.',
    )
  })
})
