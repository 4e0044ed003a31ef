import type { UploadHandler } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { MultipartError, headerParameters, multipartBoundary, parseMultipartFormData } from './multipart.server'

const BOUNDARY = '----form-boundary-Zx9'

/** A request whose body arrives in the given chunks, as a browser's might over the network. */
function requestOf(chunks: Uint8Array[], contentType = `multipart/form-data; boundary=${BOUNDARY}`): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
  return new Request('http://localhost/upload', {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType },
    duplex: 'half',
  } as RequestInit)
}

function splitAt(bytes: Buffer, ...positions: number[]): Uint8Array[] {
  const edges = [0, ...positions, bytes.length]
  return edges.slice(1).map((end, i) => new Uint8Array(bytes.subarray(edges[i], end)))
}

// File content with near-misses of the delimiter: line breaks, dashes and a partial boundary.
const FILE = Buffer.concat([
  Buffer.from(`line one\r\n--not-the-boundary\r\n--${BOUNDARY.slice(0, 10)}\r\n\r\n`),
  Buffer.from([0, 255, 13, 10, 45, 45]),
])

const BODY = Buffer.concat([
  Buffer.from(`This preamble is ignored\r\n--${BOUNDARY}\r\n`),
  Buffer.from('Content-Disposition: form-data; name="title"\r\n\r\nZoë’s report\r\n'),
  Buffer.from(`--${BOUNDARY} \t\r\n`),
  Buffer.from(
    'Content-Disposition: form-data; name="files"; filename="C:\\\\Users\\\\zoe\\\\a;b=c.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
  ),
  FILE,
  Buffer.from(`\r\n--${BOUNDARY}\r\n`),
  Buffer.from('Content-Disposition: form-data; name="empty"; filename=""\r\n\r\n'),
  Buffer.from(`\r\n--${BOUNDARY}--\r\nThis epilogue is ignored`),
])

type Seen = { name: string; filename?: string; contentType: string; data: Buffer }

/** Parses a body, collecting each part the handler sees; strings for fields, as a handler would. */
async function parse(request: Request) {
  const seen: Seen[] = []
  const handler: UploadHandler = async (part) => {
    const chunks: Uint8Array[] = []
    for await (const chunk of part.data) chunks.push(chunk)
    const data = Buffer.concat(chunks)
    seen.push({ name: part.name, filename: part.filename, contentType: part.contentType, data })
    return part.filename === undefined ? data.toString('utf8') : undefined
  }
  const formData = await parseMultipartFormData(request, handler)
  return { seen, fields: Object.fromEntries(formData) }
}

describe('parsing multipart/form-data', () => {
  it('hands each part to the handler with its name, file name, type and exact content', async () => {
    const { seen, fields } = await parse(requestOf([new Uint8Array(BODY)]))
    expect(fields).toEqual({ title: 'Zoë’s report' })
    expect(seen.map(({ data: _data, ...part }) => part)).toEqual([
      { name: 'title', filename: undefined, contentType: 'text/plain' },
      { name: 'files', filename: 'a;b=c.pdf', contentType: 'application/pdf' },
      { name: 'empty', filename: '', contentType: 'text/plain' },
    ])
    expect(seen[1]?.data.equals(FILE)).toBe(true)
    expect(seen[2]?.data.length).toBe(0)
  })

  it('gives the same result however the body is split into chunks', async () => {
    const whole = await parse(requestOf([new Uint8Array(BODY)]))
    for (let at = 1; at < BODY.length; at++) {
      const split = await parse(requestOf(splitAt(BODY, at)))
      expect(split.fields, `split at ${at}`).toEqual(whole.fields)
      expect(split.seen[1]?.data.equals(FILE), `split at ${at}`).toBe(true)
    }
    const bytes = await parse(requestOf(splitAt(BODY, ...Array.from({ length: BODY.length - 1 }, (_, i) => i + 1))))
    expect(bytes.seen[1]?.data.equals(FILE)).toBe(true)
  })

  it('reports a body cut off anywhere before the closing boundary', async () => {
    const closing = BODY.indexOf(`--${BOUNDARY}--`) + BOUNDARY.length + 4
    for (let length = 0; length < closing; length++) {
      const error = await parse(requestOf([new Uint8Array(BODY.subarray(0, length))])).catch(
        (thrown: unknown) => thrown,
      )
      expect(error, `cut at ${length}`).toBeInstanceOf(MultipartError)
      expect((error as MultipartError).truncated, `cut at ${length}`).toBe(true)
    }
    await expect(parse(requestOf([new Uint8Array(BODY.subarray(0, closing))]))).resolves.toMatchObject({
      fields: { title: 'Zoë’s report' },
    })
  })

  it('reads on past a part the handler stops reading early', async () => {
    const handler: UploadHandler = async (part) => {
      for await (const chunk of part.data) return `${part.name}:${chunk.length > 0}`
      return undefined
    }
    const formData = await parseMultipartFormData(requestOf(splitAt(BODY, 200, 210)), handler)
    expect([...formData.keys()]).toEqual(['title', 'files'])
  })

  it('refuses malformed parts as not truncated', async () => {
    const noName = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`)
    const noColon = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition form-data; name="a"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    )
    const noLineBreak = Buffer.from(
      `--${BOUNDARY}xx\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    )
    const longHeaders = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    )
    for (const body of [noName, noColon, noLineBreak, longHeaders]) {
      const error = await parse(requestOf(splitAt(body, 100))).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(MultipartError)
      expect((error as MultipartError).truncated).toBe(false)
    }
  })

  it('refuses a request that is not multipart', async () => {
    await expect(parse(requestOf([new Uint8Array(BODY)], 'application/x-www-form-urlencoded'))).rejects.toBeInstanceOf(
      MultipartError,
    )
  })
})

describe('header parameters', () => {
  it('reads quoted and bare values, keeping semicolons and equals signs inside quotes', () => {
    const { type, parameters } = headerParameters('form-data; name="files"; filename="a;b=c \\"d\\".pdf"; size=12')
    expect(type).toBe('form-data')
    expect(Object.fromEntries(parameters)).toEqual({ name: 'files', filename: 'a;b=c "d".pdf', size: '12' })
  })

  it('keeps backslashes that do not escape a quote, as browsers send them', () => {
    expect(headerParameters('form-data; name="f"; filename="C:\\temp\\a.pdf"').parameters.get('filename')).toBe(
      'C:\\temp\\a.pdf',
    )
  })

  it('finds the boundary of a multipart Content-Type only', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----WebKitFormBoundaryAbC123')).toBe(
      '----WebKitFormBoundaryAbC123',
    )
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="quoted boundary"')).toBe('quoted boundary')
    expect(multipartBoundary('multipart/mixed; boundary=abc')).toBeNull()
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull()
    expect(multipartBoundary(null)).toBeNull()
  })
})
