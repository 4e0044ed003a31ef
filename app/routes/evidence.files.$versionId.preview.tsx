import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/auth/session.server'
import { getEvidenceFileForDownload } from '~/modules/evidence/evidence.server'
import { previewKind } from '~/modules/evidence/files'
import { storedFileResponse } from '~/modules/evidence/storage.server'
import { notFound } from '~/utils/http.server'

// A stored PDF or image shown in the browser (Content-Disposition: inline). Every other type is
// only ever a download, so nothing uploaded can run as a page on this site.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const file = await getEvidenceFileForDownload(user, params.versionId ?? '')
  if (!file || previewKind(file.mimeType) === null) notFound()
  return storedFileResponse(file, 'inline')
}
