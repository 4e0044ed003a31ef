import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { getSessionUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { autosaveNarrative } from '~/modules/submissions/outcome.server'
import { NarrativeAutosaveSchema } from '~/modules/submissions/schema'
import { integerParam } from '~/utils/http.server'

// The outcome page's autosave, asked with fetch in the background. It never redirects: when the
// session has ended it answers 401, and the page keeps the text (in the page and in the browser's
// storage), says so, and sends it again once the person has signed in.
export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await getSessionUser(request)
  if (!user) return Response.json({ ok: false as const, reason: 'signed-out' as const }, { status: 401 })
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const number = integerParam(params.number, 1, 20)
  const parsed = parseWithZod(await request.formData(), { schema: NarrativeAutosaveSchema })
  if (parsed.status !== 'success')
    return Response.json({ ok: false as const, reason: 'invalid' as const }, { status: 400 })
  const saved = await unlessOutOfSpace(
    () =>
      autosaveNarrative({
        actor: user,
        context,
        number,
        version: parsed.value.version,
        narrative: parsed.value.narrative,
        saveKey: parsed.value.saveKey,
        ipAddress: loadContext.clientAddress,
      }),
    'outcome autosave',
  )
  const session = { expiresAt: user.expiresAt.toISOString(), now: new Date().toISOString() }
  if (!saved.stored)
    return Response.json(
      { ok: false as const, reason: 'out-of-space' as const, message: saved.message, session },
      { status: 507 },
    )
  const result = saved.value
  if (!result.ok) return Response.json({ ok: false as const, reason: 'conflict' as const, session }, { status: 409 })
  return Response.json({ ok: true as const, version: result.version, savedAt: result.savedAt.toISOString(), session })
}
