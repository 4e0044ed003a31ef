// Turning reports into downloads (issue 5): one PDF per request, or every outcome report of a region
// for a cycle as one ZIP, streamed: each report is rendered, added and written out before the next
// is rendered, so the server holds one report at a time however many there are.
import { once } from 'node:events'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { ZipArchive } from 'archiver'
import { slug } from '~/utils/slug'
import { prisma } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { requirePermission, submissionScope, type Actor } from '~/modules/auth/permissions'
import type { ReportReader } from './model'
import { getOutcomeReport } from './outcome-report.server'
import { renderOutcomeReport } from './pdf/outcome-report.server'
import { logger } from '~/utils/logger.server'

/** A part of a file name (see utils/slug.ts), or "report" when nothing in the text survives. */
export function fileSlug(text: string): string {
  return slug(text) || 'report'
}

const PRIVATE_DOWNLOAD = {
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
}

/** A PDF as an attachment, never cached by a shared cache. */
export function pdfResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...PRIVATE_DOWNLOAD,
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  })
}

/** The reader named in a report's footer. */
export function readerOf(user: { name: string }, now = new Date()): ReportReader {
  return { name: user.name, generatedAt: now }
}

export { portalOrigin } from '~/modules/notifications/notifications.server'

const AGREED = ['VALIDATED', 'PUBLISHED'] as const

/**
 * The regions with an agreed (validated or published) result in each cycle: where a ZIP of outcome
 * reports has something in it, so a link to an empty one is never offered.
 */
export async function regionsWithAgreedResults(cycleIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows = await prisma.submission.findMany({
    where: { cycleId: { in: [...cycleIds] }, status: { in: [...AGREED] } },
    distinct: ['cycleId', 'regionId'],
    select: { cycleId: true, regionId: true },
  })
  const regions = new Map<string, Set<string>>(cycleIds.map((id) => [id, new Set<string>()]))
  for (const row of rows) regions.get(row.cycleId)?.add(row.regionId)
  return regions
}

/**
 * Every outcome report of a region for a cycle that the user may read (validated or published
 * results), as a ZIP response. 403 unless the user may read outcome reports across the region
 * (its regional lead or a national role); 404 for an unknown cycle or region, or when there is no
 * result to report yet.
 */
export async function outcomeReportsZip(input: {
  actor: Actor & { name: string }
  cycleId: string
  regionId: string
  signal?: AbortSignal
}): Promise<Response> {
  const { actor, cycleId, regionId } = input
  requirePermission(actor, 'report:outcome', { regionId })
  const [cycle, region] = await Promise.all([
    prisma.cycle.findUnique({ where: { id: cycleId }, select: { name: true } }),
    prisma.region.findUnique({ where: { id: regionId }, select: { name: true } }),
  ])
  if (!cycle || !region) notFound()
  const submissions = await prisma.submission.findMany({
    where: { cycleId, regionId, status: { in: [...AGREED] }, ...submissionScope(actor, 'report:outcome') },
    orderBy: { organisation: { name: 'asc' } },
    select: { id: true, reference: true, organisation: { select: { odsCode: true } } },
  })
  if (submissions.length === 0) notFound(`No results have been agreed in ${region.name} for ${cycle.name} yet`)

  const archive = new ZipArchive({ zlib: { level: 6 } })
  const reader = readerOf(actor)
  const write = async () => {
    try {
      for (const submission of submissions) {
        if (input.signal?.aborted) break
        const report = await getOutcomeReport(actor, submission.id)
        const bytes = await renderOutcomeReport(report, reader)
        const added = once(archive, 'entry')
        archive.append(bytes, { name: `outcome-report-${submission.reference}.pdf`, date: reader.generatedAt })
        // Wait until the entry has been written out: with a slow reader, the stream's backpressure holds this loop.
        await added
      }
      // The reader has gone: close the stream. `abort()` only ends it when archiver's queue is idle,
      // and just after an entry it is not yet, so the response would stay open for ever.
      if (input.signal?.aborted) archive.destroy()
      else await archive.finalize()
    } catch (error) {
      logger.error({ err: error }, 'Building the outcome reports ZIP failed')
      archive.destroy(error instanceof Error ? error : new Error(String(error)))
    }
  }
  void write()
  const fileName = `outcome-reports-${fileSlug(cycle.name)}-${fileSlug(region.name)}.zip`
  return new Response(createReadableStreamFromReadable(archive), {
    headers: {
      ...PRIVATE_DOWNLOAD,
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  })
}
