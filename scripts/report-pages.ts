// Renders every kind of PDF report from the test fixtures (tests/fixtures/reports.ts) and turns
// each page into a picture with poppler's pdftoppm, so the reports can be looked at as a reader
// sees them after any change to their layout (issue 17):
//
//   npm run reports:pages [-- --out DIR --dpi 60]
//
// Writes DIR/<report>.pdf and DIR/<report>-<page>.png (default tests/.tmp/report-pages, 60 dpi),
// and checks each file with `qpdf --check`. Needs Debian's poppler-utils and qpdf, which .ci/run
// installs.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { renderCycleSummary } from '../app/modules/reports/pdf/cycle-summary.server'
import { renderOutcomeReport } from '../app/modules/reports/pdf/outcome-report.server'
import { renderReviewerPack } from '../app/modules/reports/pdf/reviewer-pack.server'
import { READER, cycleSummaryFixture, outcomeReportFixture, reviewerPackFixture } from '../tests/fixtures/reports'

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'tests/.tmp/report-pages' }, dpi: { type: 'string', default: '60' } },
})
const out = path.resolve(values.out!)
const dpi = Number(values.dpi)
if (!Number.isInteger(dpi) || dpi < 20 || dpi > 300) throw new Error('--dpi must be a whole number from 20 to 300')

async function reports(): Promise<Array<[string, Buffer]>> {
  const pack = reviewerPackFixture({ words: 400, evidencePerOutcome: 3, withValidation: true })
  // The characters the fallback fonts and list handling exist for.
  pack.outcomes[0]!.narrative = [
    'Led by Siân ap Rhŷs, Łukasz Żółkiewski, שרה כהן and فاطمة الزهراء 📚 ✅ → ≥ ★.',
    '•\tLiterature searches for the Board\n•\tCurrent awareness bulletins\no\tFor the emergency department',
    pack.outcomes[0]!.narrative,
  ].join('\n\n')
  return [
    ['reviewer-pack', await renderReviewerPack(pack, READER)],
    ['outcome-report', await renderOutcomeReport(outcomeReportFixture({ previous: true, peers: true }), READER)],
    ['regional-summary', await renderCycleSummary(cycleSummaryFixture({ organisations: 8 }), READER)],
    ['national-summary', await renderCycleSummary(cycleSummaryFixture({ national: true, organisations: 12 }), READER)],
    [
      'national-summary-published',
      await renderCycleSummary(cycleSummaryFixture({ national: true, organisations: 12, suppressed: true }), READER),
    ],
  ]
}

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  for (const [name, bytes] of await reports()) {
    const file = path.join(out, `${name}.pdf`)
    writeFileSync(file, bytes)
    execFileSync('qpdf', ['--check', file], { stdio: 'ignore' })
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(out, name)])
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)?.[1]
    process.stdout.write(`${name}: ${pages} pages, qpdf --check passed\n`)
  }
  process.stdout.write(`Pictures of every page are in ${out}\n`)
}

await main()
