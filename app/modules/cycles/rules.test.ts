import { describe, expect, it } from 'vitest'
import {
  canMoveCycle,
  currentServiceId,
  cycleCodeFromName,
  cycleCodeFromReference,
  cycleDateErrors,
  editionCanChange,
  participantsCanChange,
  participation,
  submissionReference,
  uniqueCycleCode,
  type CycleDates,
  type ServiceLink,
} from './rules'

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)

const good: CycleDates = {
  evidencePeriodStart: d('2026-04-01'),
  evidencePeriodEnd: d('2027-03-31'),
  opensAt: d('2027-10-01'),
  submissionDeadline: d('2028-01-31'),
  validationDeadline: d('2028-03-31'),
}

describe('cycle dates', () => {
  it('accepts dates in order', () => {
    expect(cycleDateErrors(good)).toEqual({})
  })

  it('needs the evidence period to end after it starts, not on the same day', () => {
    expect(cycleDateErrors({ ...good, evidencePeriodEnd: good.evidencePeriodStart })).toEqual({
      evidencePeriodEnd: 'The evidence period must end after it starts',
    })
    expect(cycleDateErrors({ ...good, evidencePeriodEnd: d('2026-03-01') })).toHaveProperty('evidencePeriodEnd')
  })

  it('needs the submission deadline after the open date', () => {
    expect(cycleDateErrors({ ...good, submissionDeadline: good.opensAt })).toEqual({
      submissionDeadline: 'The submission deadline must be after the date the cycle opens',
    })
  })

  it('needs the validation deadline after the submission deadline', () => {
    expect(cycleDateErrors({ ...good, validationDeadline: d('2028-01-30') })).toEqual({
      validationDeadline: 'The validation deadline must be after the submission deadline',
    })
  })

  it('reports every broken pair at once', () => {
    const errors = cycleDateErrors({
      ...good,
      evidencePeriodEnd: d('2020-01-01'),
      submissionDeadline: d('2027-09-01'),
      validationDeadline: d('2027-08-01'),
    })
    expect(Object.keys(errors).sort()).toEqual(['evidencePeriodEnd', 'submissionDeadline', 'validationDeadline'])
  })
})

describe('status transitions', () => {
  it('opens a draft and closes an open cycle, and nothing else', () => {
    expect(canMoveCycle('DRAFT', 'OPEN')).toBe(true)
    expect(canMoveCycle('OPEN', 'CLOSED')).toBe(true)
    expect(canMoveCycle('DRAFT', 'CLOSED')).toBe(false)
    expect(canMoveCycle('OPEN', 'OPEN')).toBe(false)
    expect(canMoveCycle('CLOSED', 'OPEN')).toBe(false)
    expect(canMoveCycle('CLOSED', 'DRAFT' as never)).toBe(false)
    expect(canMoveCycle('ARCHIVED', 'OPEN')).toBe(false)
  })

  it('fixes the edition once open and the participants once closed', () => {
    expect([editionCanChange('DRAFT'), editionCanChange('OPEN'), editionCanChange('CLOSED')]).toEqual([
      true,
      false,
      false,
    ])
    expect([participantsCanChange('DRAFT'), participantsCanChange('OPEN'), participantsCanChange('CLOSED')]).toEqual([
      true,
      true,
      false,
    ])
  })
})

describe('references', () => {
  it('takes the two years of the name, like the demo data', () => {
    expect(cycleCodeFromName('2027/28')).toBe('2728')
    expect(cycleCodeFromName('2021/22 baseline')).toBe('2122')
    expect(cycleCodeFromName('2027-2028')).toBe('2728')
    expect(cycleCodeFromName('Pilot 2025')).toBe('2025')
  })

  it('uses letters when the name has no digits', () => {
    expect(cycleCodeFromName('Pilot')).toBe('PILOT')
    expect(cycleCodeFromName('Service improvement review')).toBe('SIR')
    expect(cycleCodeFromName('Évaluation')).toBe('EVALUA')
    expect(cycleCodeFromName('///')).toBe('CYCLE')
  })

  it('adds a letter when another cycle already uses the code', () => {
    expect(uniqueCycleCode('2728', new Set())).toBe('2728')
    expect(uniqueCycleCode('2728', new Set(['2728']))).toBe('2728B')
    expect(uniqueCycleCode('PILOT', new Set(['PILOT', 'PILOTB']))).toBe('PILOTC')
  })

  it('builds a reference and reads its code back', () => {
    expect(submissionReference('2728', 'RXV')).toBe('LKS-2728-RXV')
    expect(cycleCodeFromReference('LKS-2728B-RXV', 'RXV')).toBe('2728B')
    expect(cycleCodeFromReference('LKS-2728-RXV', 'RWV')).toBeNull()
    expect(cycleCodeFromReference('OLD-2728-RXV', 'RXV')).toBeNull()
    expect(cycleCodeFromReference('LKS--RXV', 'RXV')).toBeNull()
  })
})

describe('which library service submits', () => {
  const now = d('2027-06-01')
  const link = (id: string, from: string, to: string | null, active = true): ServiceLink => ({
    libraryServiceId: id,
    servesFrom: d(from),
    servesTo: to ? d(to) : null,
    serviceActive: active,
  })

  it('is the active service serving the organisation now', () => {
    expect(currentServiceId([link('old', '2019-04-01', '2026-03-31'), link('new', '2026-04-01', null)], now)).toBe(
      'new',
    )
  })

  it('is nobody when the link has ended, has not begun, or the service is inactive', () => {
    expect(currentServiceId([link('a', '2019-04-01', '2027-06-01')], now)).toBeNull()
    expect(currentServiceId([link('a', '2027-06-02', null)], now)).toBeNull()
    expect(currentServiceId([link('a', '2019-04-01', null, false)], now)).toBeNull()
    expect(currentServiceId([], now)).toBeNull()
  })

  it('prefers the service that started most recently during a handover', () => {
    expect(currentServiceId([link('a', '2019-04-01', null), link('b', '2027-01-01', null)], now)).toBe('b')
  })

  it('says why an organisation cannot take part', () => {
    const org = {
      organisationId: 'o',
      activeFrom: d('2015-04-01'),
      activeTo: null,
      links: [link('a', '2019-04-01', null)],
    }
    expect(participation(org, now)).toEqual({ ok: true, libraryServiceId: 'a' })
    expect(participation({ ...org, links: [] }, now)).toEqual({ ok: false, reason: 'NO_SERVICE' })
    expect(participation({ ...org, activeTo: d('2027-01-01') }, now)).toEqual({ ok: false, reason: 'INACTIVE' })
  })
})
