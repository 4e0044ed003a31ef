import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/auth/session.server'
import { getEvidenceFileForDownload } from '~/modules/evidence/evidence.server'
import { storedFileResponse } from '~/modules/evidence/storage.server'
import { notFound } from '~/utils/http.server'

// A stored evidence file, always as a download. Readable by the service's team and by anyone who
// may view a submission that links the item; everyone else gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const file = await getEvidenceFileForDownload(user, params.versionId ?? '')
  if (!file) notFound()
  return storedFileResponse(file, 'attachment')
}
