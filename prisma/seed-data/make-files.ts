// Writes the small real files of the demo evidence library into prisma/seed-data/files. Run once by
// hand (`npx tsx prisma/seed-data/make-files.ts`) when the demo evidence changes; the seed copies the
// files it finds there, so `npm start` needs neither this script nor its libraries.
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import { DEMO_EVIDENCE } from './evidence'

const dir = path.join(import.meta.dirname, 'files')

async function pdf(file: string, title: string, pages: string[][]) {
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: title, Author: 'Ribble Valley Library and Knowledge Service' },
  })
  const out = createWriteStream(file)
  doc.pipe(out)
  pages.forEach((lines, index) => {
    if (index > 0) doc.addPage()
    doc.fontSize(18).text(index === 0 ? title : `${title}: page ${index + 1}`)
    doc.moveDown().fontSize(11)
    for (const line of lines) doc.text(line).moveDown(0.5)
  })
  doc.end()
  await finished(out)
}

async function docx(file: string, title: string, sections: string[][]) {
  const children = [new Paragraph({ text: title, heading: HeadingLevel.TITLE })]
  sections.forEach((lines, index) => {
    children.push(new Paragraph({ text: `Section ${index + 1}`, heading: HeadingLevel.HEADING_1 }))
    for (const line of lines) children.push(new Paragraph({ children: [new TextRun(line)] }))
  })
  await writeFile(
    file,
    await Packer.toBuffer(new Document({ creator: 'Ribble Valley LKS', title, sections: [{ children }] })),
  )
}

async function xlsx(file: string, sheets: Array<{ name: string; rows: Array<Array<string | number>> }>) {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Ribble Valley Library and Knowledge Service'
  // Fixed dates keep the file the same from run to run.
  workbook.created = new Date('2026-04-30T09:00:00Z')
  workbook.modified = new Date('2026-04-30T09:00:00Z')
  for (const sheet of sheets) workbook.addWorksheet(sheet.name).addRows(sheet.rows)
  await workbook.xlsx.writeFile(file)
}

await rm(dir, { recursive: true, force: true })
await mkdir(dir, { recursive: true })
for (const item of DEMO_EVIDENCE) {
  const file = path.join(dir, item.file.name)
  const content = item.file.content
  if (content.kind === 'pdf') await pdf(file, item.title, content.pages)
  if (content.kind === 'docx') await docx(file, item.title, content.sections)
  if (content.kind === 'xlsx') await xlsx(file, content.sheets)
  if (content.kind === 'png') {
    // A one-page PDF of the poster, rendered to a small PNG with poppler.
    const source = path.join(dir, 'poster-source.pdf')
    await pdf(source, item.title, [content.lines])
    execFileSync('pdftoppm', ['-png', '-r', '30', '-singlefile', source, file.replace(/\.png$/, '')])
    await rm(source)
  }
}
process.stdout.write(`Wrote ${DEMO_EVIDENCE.length} files to ${dir}\n`)
