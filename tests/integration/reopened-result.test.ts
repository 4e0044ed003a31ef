// A published result reopened by the regional lead (issue 15, item 16): what the service is told.
import { beforeAll, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { findReopenedResult, getResult } from '~/modules/results/results.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { reopenResult } from '~/modules/validation/agreement.server'
import { actorFor } from '../factories'

const idOf = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id

beforeAll(async () => {
  await useDemoData()
})

it('tells the service the result is being reviewed again, and why, until it is published again', async () => {
  const regionalLead = await actorFor('rachel.osei@demo.nhs.uk')
  const service = await actorFor('mark.lewis@demo.nhs.uk')
  const id = await idOf('LKS-2122-RKQ')
  expect(await findReopenedResult(service, await loadSubmissionContext(service, id, 'result:view'))).toBeNull()

  expect(
    await reopenResult({
      actor: regionalLead,
      context: await loadSubmissionContext(regionalLead, id, 'result:reopen'),
      reason: 'A strength names the wrong team',
      ipAddress: '',
    }),
  ).toEqual({ ok: true })
  const context = await loadSubmissionContext(service, id, 'result:view')
  expect(await getResult(service, context)).toBeNull()
  expect(await findReopenedResult(service, context)).toEqual({
    at: expect.any(Date),
    reason: 'A strength names the wrong team',
  })
  // A submission whose result was never published is not "being reviewed again".
  const open = await idOf('LKS-2627-RTH')
  expect(await findReopenedResult(service, await loadSubmissionContext(service, open, 'result:view'))).toBeNull()
})
