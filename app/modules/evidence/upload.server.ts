// Upload mechanics for the evidence library: a multipart upload handler that streams each file
// to a temporary file under UPLOAD_DIR/tmp while hashing and counting it, stops storing a file as
// soon as it passes the size limit, checks its type by name and by content signature, and
// removes every temporary file of the request when anything goes wrong. Nothing is held in
// memory beyond the first 64 KB of a file (for the text check), a 1 MB write buffer and the small
// text fields. The body is read by multipart.server.ts, which has Remix's upload-handler interface.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Submission } from '@conform-to/react'
import { data, type UploadHandlerPart } from '@remix-run/node'
import { fileTypeFromFile } from 'file-type'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash, type Flash } from '~/utils/flash.server'
import { invariantResponse } from '~/utils/http.server'
import {
  FILES_FIELD,
  MAX_FILES_PER_UPLOAD,
  UPLOAD_PROGRESS_HEADER,
  checkFileType,
  cleanFileName,
  fileMessages,
  fileTypeMessage,
  formatSizeLimit,
  isTextContent,
  type DuplicateFile,
  type FileTypeCheck,
  type SniffedContent,
  type UploadedFile,
} from './files'
import { MultipartError, multipartBoundary, parseMultipartFormData } from './multipart.server'
import { newTempPath, removeFiles, uploadRoot } from './storage.server'
import { logger } from '~/utils/logger.server'
import { isOutOfSpace } from '~/utils/out-of-space.server'
import { contactDetails } from '~/modules/content/contact.server'
import { checkOfficeContainer, isOfficeContainer, type ArchiveCheck } from './archive.server'
import { failOpen, recordMalwareRefusal, scanUpload, type Uploader } from './malware-scan.server'

/** How much of each file is kept in memory to check that text is text. */
const HEAD_BYTES = 64 * 1024
/** Text fields are short; anything longer is cut here and then refused by the form's schema. */
const MAX_FIELD_BYTES = 64 * 1024
const MAX_FIELDS = 50
/** Room for the text fields and multipart framing on top of the files themselves. */
const BODY_MARGIN_BYTES = 1024 * 1024
const WRITE_BUFFER_BYTES = 1024 * 1024

export type UploadLimits = { maxFiles: number; maxFileBytes: number }

/** A file that passed every check, waiting in the temporary folder to be stored. */

export type EvidenceUpload = {
  /** The text fields of the form. */
  fields: FormData
  /** Files that passed every check. */
  files: UploadedFile[]
  /** How many files the form sent, whether or not they passed. */
  fileCount: number
  /** Error messages for the files field; empty when every file passed. */
  problems: string[]
  /**
   * True when each problem is about one file (named in its message) and at least one other file
   * passed: the good files can be stored and the others reported, rather than refusing them all.
   */
  separable: boolean
  /** 413 when the request was refused for its size, otherwise 400 for problems. */
  problemStatus: 400 | 413 | 507
}

type FileProblem =
  | { kind: 'too-large'; name: string }
  | { kind: 'empty'; name: string }
  | { kind: 'type'; name: string; check: Exclude<FileTypeCheck, { ok: true }> }
  | { kind: 'selected-twice'; name: string }
  | { kind: 'archive'; name: string; label: string; reason: Exclude<ArchiveCheck, { ok: true }>['reason'] }
  | { kind: 'infected'; name: string }
  | { kind: 'not-scanned'; name: string }
  | { kind: 'out-of-space'; name: string }

class BodyTooLarge extends Error {}

/** Errors of our own disk, as opposed to a malformed or cut-off request: these are faults, not field errors. */
class StorageFault extends Error {
  constructor(readonly original: unknown) {
    super('Could not write an uploaded file to disk')
  }
}

export function defaultUploadLimits(maxFiles = MAX_FILES_PER_UPLOAD): UploadLimits {
  return { maxFiles, maxFileBytes: getEnv().MAX_UPLOAD_BYTES }
}

// Browsers percent-encode a double quote, CR and LF in multipart file names (WHATWG HTML).
function decodeMultipartName(name: string): string {
  return name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
}

/** What a file's content is: its signature (file-type) and whether its first bytes are text. */
async function sniffFile(filePath: string, head: Uint8Array, complete: boolean): Promise<SniffedContent> {
  const detected = await fileTypeFromFile(filePath)
  return { detected: detected?.ext, text: isTextContent(head, complete) }
}

function describe(problem: FileProblem, single: boolean, limits: UploadLimits, contactEmail: string): string {
  switch (problem.kind) {
    case 'too-large':
      return fileMessages.tooLarge(problem.name, single, limits.maxFileBytes)
    case 'empty':
      return fileMessages.empty(problem.name, single)
    case 'type':
      return fileTypeMessage(problem.name, single, problem.check)
    case 'selected-twice':
      return fileMessages.selectedTwice(problem.name)
    case 'infected':
      return fileMessages.infected(problem.name, single)
    case 'not-scanned':
      return fileMessages.notScanned(problem.name, single)
    case 'out-of-space':
      return fileMessages.outOfSpace(problem.name, single, contactEmail)
    case 'archive':
      return problem.reason === 'TOO_LARGE_INFLATED'
        ? fileMessages.inflatesTooLarge(problem.name, single)
        : fileMessages.notARealDocument(problem.name, single, problem.label)
  }
}

function unreadableMessage(error: MultipartError): string {
  return error.truncated
    ? 'The files could not be uploaded because the upload did not finish. Try again'
    : 'The upload could not be read. Try again'
}

/**
 * Reads a multipart evidence form: text fields into `fields`, each file streamed to a temporary
 * file and checked. Bad input comes back as messages for the files field (only a request that
 * is not multipart at all is refused outright, with 415). The temporary files it leaves are
 * listed in `tempPaths`, for withEvidenceUpload to remove.
 */
async function parseEvidenceUpload(
  request: Request,
  limits: UploadLimits,
  uploader: Uploader,
): Promise<EvidenceUpload & { tempPaths: Set<string> }> {
  const tempPaths = new Set<string>()
  const fields = new FormData()
  const files: UploadedFile[] = []
  const fileProblems: FileProblem[] = []
  const bodyLimit = limits.maxFiles * limits.maxFileBytes + BODY_MARGIN_BYTES
  let fileCount = 0
  let fieldCount = 0
  let bodyBytes = 0

  const refusedForSize = (): EvidenceUpload & { tempPaths: Set<string> } => ({
    fields: new FormData(),
    files: [],
    fileCount: 0,
    problems: [
      `The selected files must be smaller than ${formatSizeLimit(limits.maxFiles * limits.maxFileBytes)} in total`,
    ],
    problemStatus: 413,
    separable: false,
    tempPaths,
  })

  invariantResponse(
    multipartBoundary(request.headers.get('Content-Type')),
    'Send this form as multipart/form-data',
    415,
  )
  const declaredLength = Number(request.headers.get('Content-Length') ?? '')
  if (Number.isFinite(declaredLength) && declaredLength > bodyLimit) return refusedForSize()

  function count(chunk: Uint8Array) {
    bodyBytes += chunk.byteLength
    if (bodyBytes > bodyLimit) throw new BodyTooLarge()
  }

  async function drain(part: UploadHandlerPart) {
    for await (const chunk of part.data) count(chunk)
  }

  async function receiveField(part: UploadHandlerPart): Promise<string | undefined> {
    fieldCount++
    const chunks: Uint8Array[] = []
    let kept = 0
    for await (const chunk of part.data) {
      count(chunk)
      if (kept < MAX_FIELD_BYTES) {
        const slice = chunk.subarray(0, MAX_FIELD_BYTES - kept)
        chunks.push(slice)
        kept += slice.byteLength
      }
    }
    if (fieldCount > MAX_FIELDS) return undefined
    return new TextDecoder().decode(Buffer.concat(chunks))
  }

  async function receiveFile(part: UploadHandlerPart, rawName: string): Promise<void> {
    fileCount++
    if (fileCount > limits.maxFiles) return drain(part)
    const name = cleanFileName(decodeMultipartName(rawName))
    const tempPath = await newTempPath()
    tempPaths.add(tempPath)
    // A 1 MB write buffer lets the disk write one chunk while the next is parsed and hashed.
    const out = createWriteStream(tempPath, { flags: 'wx', highWaterMark: WRITE_BUFFER_BYTES })
    // The file is opened asynchronously: removing it before the stream has closed could let the
    // open happen afterwards and leave a stray file, so every path waits for 'close'.
    const closed = new Promise<void>((resolve) => out.once('close', resolve))
    // Kept as well as raced: an error that comes while nothing waits for it must not be missed.
    let writeError: unknown = null
    const writeFailed = once(out, 'error').then(([error]) => {
      writeError = error
      throw new StorageFault(error)
    })
    writeFailed.catch(() => undefined)
    const hash = createHash('sha256')
    const head: Uint8Array[] = []
    let headBytes = 0
    let size = 0
    let tooLarge = false
    // The disk filled up: the rest of this file is read and dropped, so the form's other fields
    // (and the person's text) still arrive and the page can say what happened.
    let outOfSpace = false
    const onWriteFault = (error: unknown) => {
      const original = error instanceof StorageFault ? error.original : error
      if (!isOutOfSpace(original)) throw error
      outOfSpace = true
      out.destroy()
    }
    try {
      for await (const chunk of part.data) {
        count(chunk)
        size += chunk.byteLength
        if (tooLarge || outOfSpace) continue
        if (writeError) {
          onWriteFault(writeError)
          continue
        }
        if (size > limits.maxFileBytes) {
          // Stop storing at once; the rest of the part is read and dropped so the browser gets an answer.
          tooLarge = true
          out.destroy()
          continue
        }
        hash.update(chunk)
        if (headBytes < HEAD_BYTES) {
          const slice = chunk.subarray(0, HEAD_BYTES - headBytes)
          head.push(slice)
          headBytes += slice.byteLength
        }
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), writeFailed]).catch(onWriteFault)
      }
      if (!tooLarge && !outOfSpace) {
        out.end()
        await Promise.race([closed, writeFailed]).catch(onWriteFault)
        if (writeError && !outOfSpace) onWriteFault(new StorageFault(writeError))
      }
    } finally {
      out.destroy()
      await closed
    }

    const reject = async (problem: FileProblem) => {
      fileProblems.push(problem)
      tempPaths.delete(tempPath)
      await removeFiles([tempPath])
    }
    if (outOfSpace) {
      // An alert for whoever runs the portal: nothing of this file is kept.
      logger.error(
        { event: 'storage.out_of_space', alert: true, folder: uploadRoot(), file: name },
        'An upload could not be saved: the upload folder is out of space',
      )
      return reject({ kind: 'out-of-space', name })
    }
    if (tooLarge) return reject({ kind: 'too-large', name })
    if (size === 0) return reject({ kind: 'empty', name })
    const check = checkFileType(name, await sniffFile(tempPath, Buffer.concat(head), size <= HEAD_BYTES))
    if (!check.ok) return reject({ kind: 'type', name, check })
    if (isOfficeContainer(check.type.extension)) {
      const container = await checkOfficeContainer(tempPath, check.type.extension)
      if (!container.ok) return reject({ kind: 'archive', name, label: check.type.label, reason: container.reason })
    }
    const scan = await scanUpload(tempPath)
    if (scan.status === 'INFECTED') {
      console.warn(JSON.stringify({ event: 'upload.malware_refused', file: name, signature: scan.signature }))
      await recordMalwareRefusal(uploader, { fileName: name, signature: scan.signature })
      return reject({ kind: 'infected', name })
    }
    if (scan.status === 'UNAVAILABLE') {
      console.warn(JSON.stringify({ event: 'upload.scanner_unavailable', detail: scan.detail, failOpen: failOpen() }))
      if (!failOpen()) return reject({ kind: 'not-scanned', name })
    }
    const sha256 = hash.digest('hex')
    if (files.some((file) => file.sha256 === sha256)) return reject({ kind: 'selected-twice', name })
    files.push({ originalName: name, tempPath, sizeBytes: size, sha256, mimeType: check.type.mimeType })
  }

  async function handler(part: UploadHandlerPart): Promise<string | undefined> {
    if (part.filename === undefined) return receiveField(part)
    // A file input left empty sends a part with no name and no content.
    if (part.name !== FILES_FIELD || part.filename === '') {
      await drain(part)
      return undefined
    }
    await receiveFile(part, part.filename)
    return undefined
  }

  let parsed: FormData
  try {
    parsed = await parseMultipartFormData(request, handler)
  } catch (error) {
    await removeFiles(tempPaths)
    tempPaths.clear()
    if (error instanceof BodyTooLarge) return refusedForSize()
    // A body cut off by the browser (or a connection lost) is the person's problem to retry; anything
    // else, such as a full disk, is a fault.
    if (error instanceof MultipartError)
      return {
        fields,
        files: [],
        fileCount,
        problems: [unreadableMessage(error)],
        problemStatus: 400,
        separable: false,
        tempPaths,
      }
    if (error instanceof StorageFault) throw error.original
    throw error
  }
  for (const [key, value] of parsed) if (typeof value === 'string') fields.append(key, value)

  const single = fileCount === 1
  const tooMany = fileCount > limits.maxFiles
  const outOfSpace = fileProblems.some((p) => p.kind === 'out-of-space')
  // Who to tell: the contact details an admin keeps, read only when the disk is full.
  const contactEmail = outOfSpace ? (await contactDetails()).email : ''
  const problems = tooMany
    ? [fileMessages.tooMany(limits.maxFiles)]
    : fileProblems.map((problem) => describe(problem, single, limits, contactEmail))
  const separable = !tooMany && !single && files.length > 0
  // 507 Insufficient Storage: the fault is the portal's, not the person's file.
  const problemStatus = outOfSpace ? 507 : 400
  return { fields, files, fileCount, problems, problemStatus, separable, tempPaths }
}

/**
 * Parses the upload (`uploader` names who sent it and where, for the audit event of a file
 * refused as malware), runs `work` with it, and then removes every temporary file that was not
 * moved into storage: whatever `work` returns or throws, nothing is left behind.
 */
export async function withEvidenceUpload<T>(
  request: Request,
  limits: UploadLimits,
  uploader: Uploader,
  work: (upload: EvidenceUpload) => Promise<T>,
): Promise<T> {
  const upload = await parseEvidenceUpload(request, limits, uploader)
  try {
    return await work(upload)
  } finally {
    await removeFiles(upload.tempPaths)
  }
}

/**
 * The answer to a successful upload. A normal form post is redirected with a flash message. The
 * progress script (XMLHttpRequest) would follow a redirect itself and use up the flash message,
 * so it gets the destination as data, with the flash cookie set, and navigates there.
 */
export async function respondAfterUpload(request: Request, to: string, flash: Flash) {
  const redirectResponse = await redirectWithFlash(request, to, flash)
  if (request.headers.get(UPLOAD_PROGRESS_HEADER) !== '1') return redirectResponse
  return data({ redirectTo: to }, { headers: { 'Set-Cookie': redirectResponse.headers.get('Set-Cookie') ?? '' } })
}

/**
 * The banner after an upload that stored some files and not others: which files were left out,
 * each by name with the reason, so the person can deal with just those.
 */
export function partlyStoredFlash(input: { stored: number; title: string; notStored: string[] }): Flash {
  const stored = input.stored === 1 ? '1 file was' : `${input.stored} files were`
  const left = input.notStored.length === 1 ? 'This file was' : `These ${input.notStored.length} files were`
  return {
    type: 'important',
    title: `${stored} added to ‘${input.title}’, but not every file`,
    description: `${left} not added. Fix ${input.notStored.length === 1 ? 'it' : 'them'}, then add ${input.notStored.length === 1 ? 'it' : 'them'} from this page with ‘Add files’:`,
    items: input.notStored,
  }
}

/**
 * The answer to a refused upload: the form's own errors, with the file problems on the files
 * field, and the items that already hold any duplicate file. Everything typed comes back.
 */
export function refuseUpload<Schema, Value>(
  submission: Submission<Schema, string[], Value>,
  messages: string[],
  duplicates: DuplicateFile[] = [],
  status: 400 | 413 | 507 = 400,
) {
  // What the upload found is more precise than the schema's count of files (a cut-off upload
  // has no files to count), so it takes the place of the schema's file errors.
  const schemaErrors = submission.status === 'error' ? (submission.error?.[FILES_FIELD] ?? []) : []
  const fileErrors = messages.length ? messages : schemaErrors
  return data(
    { result: submission.reply(fileErrors.length ? { fieldErrors: { [FILES_FIELD]: fileErrors } } : {}), duplicates },
    { status },
  )
}
