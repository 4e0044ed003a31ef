// The report downloads (issue 5) as the browser receives them: the route loaders called with a
// signed-in request against a database seeded like `npm start`. Each PDF is an attachment that no
// shared cache keeps; a region's outcome reports arrive as a ZIP streamed one report at a time,
// which stops quietly when the person gives up on the download.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import yauzl from 'yauzl'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { createSession, getSessionUser } from '~/modules/auth/session.server'
import { regionsWithAgreedResults } from '~/modules/reports/download.server'
import { cycleReportLinks } from '~/modules/reports/links'
import { loader as regionalSummaryLoader } from '~/routes/cycles.$cycleId.regions.$regionId.summary[.pdf]'
import { loader as outcomeReportsZipLoader } from '~/routes/cycles.$cycleId.regions.$regionId.outcome-reports[.zip]'
import { loader as nationalSummaryLoader } from '~/routes/cycles.$cycleId.summary[.pdf]'
import { loader as outcomeReportLoader } from '~/routes/submissions.$submissionId.outcome-report[.pdf]'
import { loader as reviewerPackLoader } from '~/routes/submissions.$submissionId.reviewer-pack[.pdf]'
import { useDemoData } from '../setup/demo-data'
import { requestWithCookie } from '../factories'

type Loader = (args: LoaderFunctionArgs) => Promise<Response>

const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()
const ids = { baseline: '', current: '', northWest: '', london: '', southEast: '' }

async function signedIn(email: string, path: string, signal?: AbortSignal): Promise<Request> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, await createSession(user.id, 'vitest'))
  }
  const request = requestWithCookie(cookies.get(email)!, path)
  return signal ? new Request(request, { signal }) : request
}

/** The loader's answer, returned or thrown. */
async function load(loader: Loader, request: Request, params: Record<string, string>): Promise<Response> {
  try {
    return await loader({ request, params, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const submissionId = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
const cycleId = async (name: string) =>
  (await prisma.cycle.findFirstOrThrow({ where: { name }, select: { id: true } })).id
const regionId = async (name: string) =>
  (await prisma.region.findFirstOrThrow({ where: { name }, select: { id: true } })).id

const zipPath = (cycle: string, region: string) => `/cycles/${cycle}/regions/${region}/outcome-reports.zip`

function expectPrivateAttachment(response: Response, contentType: string, fileName: string) {
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe(contentType)
  expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${fileName}"`)
  expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
}

async function expectPdf(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF')
  expect(response.headers.get('Content-Length')).toBe(String(bytes.length))
}

/** Every chunk of a response body as it arrives. */
async function readChunks(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return chunks
    chunks.push(value)
  }
}

/** The entries of a ZIP and the first bytes of each. */
async function unzip(bytes: Buffer): Promise<Array<{ name: string; head: string; size: number }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  )
  const entries: Array<{ name: string; head: string; size: number }> = []
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        const parts: Buffer[] = []
        stream.on('data', (part: Buffer) => parts.push(part))
        stream.on('error', reject)
        stream.on('end', () => {
          const content = Buffer.concat(parts)
          entries.push({ name: entry.fileName, head: content.subarray(0, 5).toString('latin1'), size: content.length })
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  return entries
}

beforeAll(async () => {
  await useDemoData()
  ids.baseline = await cycleId('2021/22 baseline')
  ids.current = await cycleId('2026/27')
  ids.northWest = await regionId('North West')
  ids.london = await regionId('London')
  ids.southEast = await regionId('South East')
}, 60_000)

describe('a PDF report is a private attachment', () => {
  it('sends the reviewer pack to its assigned validator', async () => {
    const id = await submissionId('LKS-2627-RTH')
    const response = await load(
      reviewerPackLoader,
      await signedIn('validator@demo.nhs.uk', `/submissions/${id}/reviewer-pack.pdf`),
      { submissionId: id },
    )
    expectPrivateAttachment(response, 'application/pdf', 'reviewer-pack-LKS-2627-RTH.pdf')
    await expectPdf(response)
  })

  it('sends the outcome report to the service lead once published', async () => {
    const id = await submissionId('LKS-2122-RXV')
    const response = await load(
      outcomeReportLoader,
      await signedIn('lead@demo.nhs.uk', `/submissions/${id}/outcome-report.pdf`),
      { submissionId: id },
    )
    expectPrivateAttachment(response, 'application/pdf', 'outcome-report-LKS-2122-RXV.pdf')
    await expectPdf(response)
  })

  it('sends the national summary to the national viewer', async () => {
    const response = await load(
      nationalSummaryLoader,
      await signedIn('viewer@demo.nhs.uk', `/cycles/${ids.baseline}/summary.pdf`),
      { cycleId: ids.baseline },
    )
    expectPrivateAttachment(response, 'application/pdf', 'national-summary-2021-22-baseline.pdf')
    await expectPdf(response)
  })

  it('sends the regional summary to the region’s lead', async () => {
    const params = { cycleId: ids.baseline, regionId: ids.northWest }
    const response = await load(
      regionalSummaryLoader,
      await signedIn('regional.lead@demo.nhs.uk', `/cycles/${ids.baseline}/regions/${ids.northWest}/summary.pdf`),
      params,
    )
    expectPrivateAttachment(response, 'application/pdf', 'regional-summary-2021-22-baseline-north-west.pdf')
    await expectPdf(response)
  })

  it('refuses readers the reports are not for, with no file', async () => {
    const pack = await submissionId('LKS-2627-RTH')
    const unpublished = await submissionId('LKS-2627-RXV')
    const refusals: Array<[Loader, string, string, Record<string, string>, number]> = [
      [
        reviewerPackLoader,
        'contributor@demo.nhs.uk',
        `/submissions/${unpublished}/reviewer-pack.pdf`,
        { submissionId: unpublished },
        403,
      ],
      [reviewerPackLoader, 'lead@demo.nhs.uk', `/submissions/${pack}/reviewer-pack.pdf`, { submissionId: pack }, 404],
      [
        outcomeReportLoader,
        'lead@demo.nhs.uk',
        `/submissions/${unpublished}/outcome-report.pdf`,
        { submissionId: unpublished },
        404,
      ],
      [
        nationalSummaryLoader,
        'lead@demo.nhs.uk',
        `/cycles/${ids.baseline}/summary.pdf`,
        { cycleId: ids.baseline },
        403,
      ],
      [
        regionalSummaryLoader,
        'regional.lead@demo.nhs.uk',
        `/cycles/${ids.baseline}/regions/${ids.london}/summary.pdf`,
        { cycleId: ids.baseline, regionId: ids.london },
        403,
      ],
      [
        outcomeReportsZipLoader,
        'regional.lead@demo.nhs.uk',
        zipPath(ids.baseline, ids.london),
        { cycleId: ids.baseline, regionId: ids.london },
        403,
      ],
    ]
    for (const [loader, email, path, params, status] of refusals) {
      const response = await load(loader, await signedIn(email, path), params)
      expect({ path, email, status: response.status }).toEqual({ path, email, status })
      expect(response.headers.get('Content-Disposition')).toBeNull()
      // An NHS-style page, not the bare words of the refusal: the portal's header, heading and footer.
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      const html = await response.text()
      expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/)
      expect(html).toContain('class="nhsuk-header"')
      expect(html).toContain(
        status === 403 ? '<h1>You do not have permission to view this page</h1>' : '<h1>Page not found</h1>',
      )
      expect(html).toContain('<a href="/">Go to the home page</a>')
      expect(html).toContain('class="nhsuk-footer"')
      expect(html).not.toContain('<script')
    }
  })

  it('sends a regional lead the national summary only as published', async () => {
    for (const path of [`/cycles/${ids.baseline}/summary.pdf`, `/cycles/${ids.baseline}/summary.pdf?suppress=yes`]) {
      const response = await load(nationalSummaryLoader, await signedIn('regional.lead@demo.nhs.uk', path), {
        cycleId: ids.baseline,
      })
      expectPrivateAttachment(response, 'application/pdf', 'national-summary-published-2021-22-baseline.pdf')
      await expectPdf(response)
    }
  })
})

describe('a region’s outcome reports as one ZIP', () => {
  const problems: unknown[] = []
  const record = (problem: unknown) => problems.push(problem)

  afterEach(() => {
    process.off('unhandledRejection', record)
    process.off('uncaughtException', record)
    problems.length = 0
  })

  function watchForProblems() {
    process.on('unhandledRejection', record)
    process.on('uncaughtException', record)
    return vi.spyOn(logger, 'error')
  }

  it('streams every outcome report of the region’s agreed results, each a PDF', async () => {
    const consoleError = watchForProblems()
    const params = { cycleId: ids.baseline, regionId: ids.northWest }
    const response = await load(
      outcomeReportsZipLoader,
      await signedIn('regional.lead@demo.nhs.uk', zipPath(ids.baseline, ids.northWest)),
      params,
    )
    expectPrivateAttachment(response, 'application/zip', 'outcome-reports-2021-22-baseline-north-west.zip')
    // A stream of unknown length, not a buffer: no Content-Length, and the bytes arrive in pieces.
    expect(response.headers.get('Content-Length')).toBeNull()
    expect(response.body).toBeInstanceOf(ReadableStream)
    const chunks = await readChunks(response.body!)
    expect(chunks.length).toBeGreaterThan(1)
    // The first piece opens the first entry: it was sent before the archive was complete.
    expect(Buffer.from(chunks[0]!).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))

    const entries = await unzip(Buffer.concat(chunks))
    expect(entries.map((e) => e.name).sort()).toEqual([
      'outcome-report-LKS-2122-RWV.pdf',
      'outcome-report-LKS-2122-RXV.pdf',
      'outcome-report-LKS-2122-RYV.pdf',
    ])
    for (const entry of entries) {
      expect(entry.head, entry.name).toBe('%PDF-')
      expect(entry.size, entry.name).toBeGreaterThan(1000)
    }
    expect(consoleError).not.toHaveBeenCalled()
    expect(problems).toEqual([])
  })

  it('stops when the request is aborted after the first chunk, without an unhandled error', async () => {
    const consoleError = watchForProblems()
    const params = { cycleId: ids.baseline, regionId: ids.northWest }
    const full = await load(
      outcomeReportsZipLoader,
      await signedIn('viewer@demo.nhs.uk', zipPath(ids.baseline, ids.northWest)),
      params,
    )
    const fullSize = Buffer.concat(await readChunks(full.body!)).length

    const controller = new AbortController()
    const response = await load(
      outcomeReportsZipLoader,
      await signedIn('viewer@demo.nhs.uk', zipPath(ids.baseline, ids.northWest), controller.signal),
      params,
    )
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    controller.abort()
    // The server keeps reading what is left, as the Express adapter does: the stream must end.
    let received = first.value!.length
    const ended = (async () => {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        received += value.length
      }
    })()
    await expect(
      Promise.race([
        ended,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`the ZIP did not stop`)), 3000)),
      ]),
    ).resolves.toBeUndefined()
    expect(received).toBeLessThan(fullSize)
    // Let anything left over settle before looking for errors.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(consoleError).not.toHaveBeenCalled()
    expect(problems).toEqual([])
  })

  it('stops when the reader cancels the body, without an unhandled error', async () => {
    const consoleError = watchForProblems()
    const params = { cycleId: ids.baseline, regionId: ids.london }
    const controller = new AbortController()
    const response = await load(
      outcomeReportsZipLoader,
      await signedIn('admin@demo.nhs.uk', zipPath(ids.baseline, ids.london), controller.signal),
      params,
    )
    const reader = response.body!.getReader()
    expect((await reader.read()).done).toBe(false)
    controller.abort()
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(consoleError).not.toHaveBeenCalled()
    expect(problems).toEqual([])
  })

  it('is not found for a region with no agreed results, even for a national viewer, and is not offered', async () => {
    const withResults = await regionsWithAgreedResults([ids.baseline, ids.current])
    expect(withResults.get(ids.current)).toEqual(new Set())
    const viewer = await getSessionUser(await signedIn('viewer@demo.nhs.uk', '/'))
    const regions = [
      { id: ids.northWest, name: 'North West' },
      { id: ids.southEast, name: 'South East' },
    ]
    const links = cycleReportLinks(viewer!, ids.baseline, regions, withResults.get(ids.baseline)!)
    expect(links.regions.map((r) => [r.name, r.outcomeReports?.href ?? null])).toEqual([
      ['North West', zipPath(ids.baseline, ids.northWest)],
      ['South East', null],
    ])

    for (const [cycle, region] of [
      [ids.baseline, ids.southEast],
      [ids.current, ids.northWest],
    ] as const) {
      const response = await load(
        outcomeReportsZipLoader,
        await signedIn('viewer@demo.nhs.uk', zipPath(cycle, region)),
        { cycleId: cycle, regionId: region },
      )
      expect(response.status).toBe(404)
      expect(response.headers.get('Content-Disposition')).toBeNull()
      const html = await response.text()
      expect(html).toContain('<h1>Page not found</h1>')
      expect(html).toMatch(
        /<p>No results have been agreed in (South East|North West) for (2021\/22 baseline|2026\/27) yet\.<\/p>/,
      )
    }
  })
})
