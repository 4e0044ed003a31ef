// Shared by the evidence integration tests: real multipart requests, calling route actions and
// loaders as Remix would, and a listing of the upload folder to prove nothing was left behind.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect } from 'vitest'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { action as newEvidence } from '~/routes/services.$serviceId.evidence.new'

export const RIBBLE = 'Ribble Valley Library and Knowledge Service'

export function uploadDir(): string {
  const dir = process.env.UPLOAD_DIR
  if (!dir) throw new Error('UPLOAD_DIR is set by tests/setup/setup-each-file.ts')
  return dir
}

/** Every file under the upload folder, as sorted relative paths. */
export async function uploadedFiles(): Promise<string[]> {
  const entries = await readdir(uploadDir(), { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(uploadDir(), path.join(entry.parentPath, entry.name)))
    .sort()
}

export async function tempFiles(): Promise<string[]> {
  return (await uploadedFiles()).filter((file) => file.startsWith(`tmp${path.sep}`))
}

/** Row counts of every evidence table: a refused upload must leave them all as they were. */
export async function evidenceRowCounts() {
  const [items, files, versions, links, audit] = await Promise.all([
    prisma.evidenceItem.count(),
    prisma.evidenceFile.count(),
    prisma.evidenceFileVersion.count(),
    prisma.evidenceLink.count(),
    prisma.auditEvent.count({ where: { entityType: 'EvidenceItem' } }),
  ])
  return { items, files, versions, links, audit }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function sha256OfFile(file: string): Promise<string> {
  return sha256(await readFile(file))
}

export async function fileFrom(
  filePath: string,
  name = path.basename(filePath),
  type = 'application/octet-stream',
): Promise<File> {
  return new File([await readFile(filePath)], name, { type })
}

/** A session cookie for a user, as the browser would send it. */
export async function cookieFor(email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
  const setCookie = await createSession(user.id, 'vitest')
  return setCookie.split(';')[0]!
}

export type NewItemFields = {
  title?: string
  description?: string
  from?: [string, string, string]
  to?: [string, string, string]
  url?: string
}

/** The new-evidence form as a browser would fill it in. */
export function evidenceForm(fields: NewItemFields, files: File[] = []): FormData {
  const form = new FormData()
  form.append('title', fields.title ?? 'Library strategy')
  form.append('description', fields.description ?? '')
  const [day, month, year] = fields.from ?? ['1', '4', '2025']
  form.append('evidenceDateFrom.day', day)
  form.append('evidenceDateFrom.month', month)
  form.append('evidenceDateFrom.year', year)
  const [toDay, toMonth, toYear] = fields.to ?? ['', '', '']
  form.append('evidenceDateTo.day', toDay)
  form.append('evidenceDateTo.month', toMonth)
  form.append('evidenceDateTo.year', toYear)
  if (files.length === 0) form.append('files', new File([], '', { type: 'application/octet-stream' }))
  for (const file of files) form.append('files', file)
  form.append('url', fields.url ?? '')
  return form
}

export function post(pathname: string, body: BodyInit, cookie: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${pathname}`, {
    method: 'POST',
    body,
    headers: { Cookie: cookie, Origin: 'http://localhost', ...headers },
  })
}

export function get(pathname: string, cookie: string): Request {
  return new Request(`http://localhost${pathname}`, { headers: { Cookie: cookie } })
}

export type Outcome = {
  status: number
  location: string | null
  data: unknown
  headers: Headers
  response: Response | null
}

const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }

/** What a loader or action answered: a Response (returned or thrown) or data with a status. */
async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response)
    return {
      status: result.status,
      location: result.headers.get('Location'),
      data: null,
      headers: result.headers,
      response: result,
    }
  if (typeof result === 'object' && result !== null && 'type' in result && result.type === 'DataWithResponseInit') {
    const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, location: null, data, headers: new Headers(init?.headers), response: null }
  }
  return { status: 200, location: null, data: result, headers: new Headers(), response: null }
}

export function runAction(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  params: Record<string, string>,
): Promise<Outcome> {
  return settle(() => action({ request, params, context }))
}

export function runLoader(
  loader: (args: LoaderFunctionArgs) => Promise<unknown>,
  request: Request,
  params: Record<string, string>,
): Promise<Outcome> {
  return settle(() => loader({ request, params, context }))
}

/** The field errors in a refused form's answer. */
export function fieldErrors(outcome: Outcome): Record<string, string[] | null> {
  const data = outcome.data as { result?: { error?: Record<string, string[] | null> } } | null
  return data?.result?.error ?? {}
}

export function initialValue(outcome: Outcome): Record<string, unknown> {
  const data = outcome.data as { result?: { initialValue?: Record<string, unknown> } } | null
  return data?.result?.initialValue ?? {}
}

export async function serviceId(name = RIBBLE): Promise<string> {
  return (await prisma.libraryService.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
}

/** An outcome response of a demo submission, by reference and outcome number. */
export async function outcomeResponseId(reference: string, outcomeNumber: number): Promise<string> {
  const response = await prisma.outcomeResponse.findFirstOrThrow({
    where: { submission: { reference }, outcome: { number: outcomeNumber } },
    select: { id: true },
  })
  return response.id
}

/**
 * Someone of a library service posting its new-evidence form (the contributor of Ribble Valley
 * unless named), as the upload tests do: the service, the person's cookie, and `upload`, which posts
 * a body (a form, or raw bytes with their own Content-Type) and answers as Remix would.
 */
export async function evidenceUploader(email = 'contributor@demo.nhs.uk', service = RIBBLE) {
  const id = await serviceId(service)
  const cookie = await cookieFor(email)
  return {
    serviceId: id,
    cookie,
    upload: (body: BodyInit, headers: Record<string, string> = {}) =>
      runAction(newEvidence, post(`/services/${id}/evidence/new`, body, cookie, headers), { serviceId: id }),
  }
}

export type EvidenceUploader = Awaited<ReturnType<typeof evidenceUploader>>

/** Runs a request that must be refused, and checks it left no rows and no files behind. */
export async function expectRefusedCleanly(run: () => Promise<Outcome>): Promise<Outcome> {
  const filesBefore = await uploadedFiles()
  const rowsBefore = await evidenceRowCounts()
  const outcome = await run()
  expect(outcome.status).toBeGreaterThanOrEqual(400)
  expect(await evidenceRowCounts()).toEqual(rowsBefore)
  expect(await uploadedFiles()).toEqual(filesBefore)
  expect(await tempFiles()).toEqual([])
  return outcome
}
