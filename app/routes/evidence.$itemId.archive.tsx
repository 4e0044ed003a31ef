import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requireUser } from '~/modules/auth/session.server'
import { setEvidenceArchived } from '~/modules/evidence/evidence.server'
import { ArchiveSchema } from '~/modules/evidence/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { invariantResponse } from '~/utils/http.server'

// Archiving and restoring are buttons on the item page; nothing changes on GET.
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/evidence/${encodeURIComponent(params.itemId ?? '')}`)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = ArchiveSchema.safeParse(Object.fromEntries(await request.formData()))
  invariantResponse(parsed.success, 'Choose whether to archive or restore the evidence')
  const archived = parsed.data.intent === 'archive'
  const itemId = params.itemId ?? ''
  await setEvidenceArchived({ actor: user, itemId, archived, ipAddress: context.clientAddress })
  return redirectWithFlash(
    request,
    `/evidence/${itemId}`,
    archived
      ? {
          type: 'success',
          title: 'Evidence archived',
          description: 'It is hidden from your evidence library and cannot be linked to outcomes until you restore it.',
        }
      : { type: 'success', title: 'Evidence restored' },
  )
}
