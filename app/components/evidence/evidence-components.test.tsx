import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { countSelectedFiles, dateValue, evidenceErrorSummary } from './evidence-form-parts'
import { FileUpload } from './file-upload'
import { PreviewLink } from './preview-link'
import { UploadProgress, uploadResponseAttribute } from './upload-progress'

describe('FileUpload', () => {
  it('renders the design system’s file upload with its hint and error tied to the input', () => {
    const html = renderToStaticMarkup(
      <FileUpload
        name="files"
        label="Upload files"
        hint="Up to 10 files"
        error="report.pdf is not a PDF file"
        multiple
        accept=".pdf"
      />,
    )
    expect(html).toContain('class="nhsuk-form-group nhsuk-form-group--error nhsuk-file-upload"')
    expect(html).toContain('<label class="nhsuk-label" for="files">Upload files</label>')
    expect(html).toContain('<span class="nhsuk-u-visually-hidden">Error: </span>report.pdf is not a PDF file')
    expect(html).toMatch(
      /<input class="nhsuk-file-upload__input" id="files" name="files" type="file" multiple="" accept=".pdf" aria-describedby="files-hint files-error"\/>/,
    )
  })
})

describe('UploadProgress', () => {
  it('shows nothing but an empty live region until an upload starts', () => {
    const html = renderToStaticMarkup(<UploadProgress percent={null} />)
    expect(html).not.toContain('<progress')
    expect(html).toContain('<div class="nhsuk-body" aria-live="polite"></div>')
  })

  it('labels the progress bar and announces progress in steps of 10%', () => {
    const html = renderToStaticMarkup(<UploadProgress percent={47} />)
    expect(html).toContain('<label class="nhsuk-label" for="upload-progress">Upload progress</label>')
    expect(html).toContain(
      '<progress id="upload-progress" class="nhsuk-u-width-full" max="100" value="47">47%</progress>',
    )
    expect(html).toContain('aria-live="polite">Uploaded 40%</div>')
    expect(renderToStaticMarkup(<UploadProgress percent={100} />)).toContain('Uploaded 100%. Checking your files')
  })

  it('writes the server’s answer for the progress script to read', () => {
    expect(uploadResponseAttribute(undefined)).toBeUndefined()
    expect(uploadResponseAttribute({ redirectTo: '/evidence/abc' })).toBe('{"redirectTo":"/evidence/abc"}')
  })
})

describe('evidence form helpers', () => {
  it('links date errors to the day input', () => {
    expect(
      evidenceErrorSummary({ title: ['Enter a title'], evidenceDateTo: ['Evidence end date must be a real date'] }, [
        'title',
        'evidenceDateFrom',
        'evidenceDateTo',
      ]),
    ).toEqual([
      { href: '#title', text: 'Enter a title' },
      { href: '#evidenceDateTo-day', text: 'Evidence end date must be a real date' },
    ])
  })

  it('counts chosen files, not the empty entry of an unused file input', () => {
    const form = new FormData()
    form.append('files', new File([], ''))
    expect(countSelectedFiles(form)).toBe(0)
    form.append('files', new File(['a'], 'a.txt'))
    form.append('title', 'not a file')
    expect(countSelectedFiles(form)).toBe(1)
  })

  it('reads a date input’s parts from a form value', () => {
    expect(dateValue({ day: '1', month: '4', year: '2025' })).toEqual({ day: '1', month: '4', year: '2025' })
    expect(dateValue('2025-04-01')).toBeUndefined()
  })
})

describe('PreviewLink', () => {
  const pdf = { id: 'v1', originalName: 'annual-report.pdf', mimeType: 'application/pdf' }

  it('opens a PDF in a new tab at the page its pointer names, and says so', () => {
    const html = renderToStaticMarkup(<PreviewLink file={pdf} pointer="page 2" />)
    expect(html).toContain('href="/evidence/files/v1/preview#page=2"')
    expect(html).toContain('Preview annual-report.pdf at page 2')
    expect(html).toContain('target="_blank"')
  })

  it('opens a PDF at its start when the pointer names no page', () => {
    const html = renderToStaticMarkup(<PreviewLink file={pdf} pointer="section 3" />)
    expect(html).toContain('href="/evidence/files/v1/preview"')
    expect(html).not.toContain(' at page')
  })

  it('offers no preview of a file the browser cannot show', () => {
    const word = {
      id: 'v2',
      originalName: 'plan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }
    expect(renderToStaticMarkup(<PreviewLink file={word} pointer="page 2" />)).toBe('')
  })
})
