import type { ActionFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import type { Conflict, Refused } from '~/modules/cycles/admin.server'
import { CycleMoveSchema } from '~/modules/cycles/schema'
import { redirectWithFlash, type Flash } from './flash.server'

/**
 * The action behind "Open the cycle" and "Close the cycle": an administrator confirms a move the
 * page described, stamped with the cycle's `updatedAt` so a change made meanwhile is caught. A stale
 * page or a refusal comes back as `{ error }` for the page's error summary; success redirects to the
 * cycle with the flash `done` makes from the result.
 */
export async function confirmCycleMove<Moved extends { ok: true }>(
  { request, params, context }: ActionFunctionArgs,
  move: (input: {
    actor: Actor
    cycleId: string
    updatedAt: string
    ipAddress?: string
  }) => Promise<Moved | Refused | Conflict<unknown>>,
  words: { conflict: string; done: (result: Moved) => Flash },
) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycleId = params.cycleId ?? ''
  const parsed = CycleMoveSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'The page is out of date. Reload it and try again.' }, { status: 400 })
  const result = await move({
    actor: user,
    cycleId,
    updatedAt: parsed.data.updatedAt,
    ipAddress: context.clientAddress,
  })
  if (result.ok !== true) {
    return data({ error: result.kind === 'conflict' ? words.conflict : result.message }, { status: 409 })
  }
  return redirectWithFlash(request, `/admin/cycles/${cycleId}`, words.done(result))
}
