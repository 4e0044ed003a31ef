// How fast the outcome page renders for a submission with 60 linked evidence items, beside a bare
// node:http server sending a page of the same size, both measured in this run on this machine.
// Target (issue 3): under 50 ms median. Run: npx tsx bench/outcome-page.ts [--requests 200]
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '../app/generated/prisma/client'
import { machine, signIn, startPortal, timeRequests } from './lib'

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' } } })
const requests = Number(values.requests)
if (!Number.isInteger(requests) || requests < 10) throw new Error('--requests must be a whole number of 10 or more')

const portal = await startPortal({ name: 'outcome-page', port: 3250 })
const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: portal.databaseUrl }) })
try {
  // 60 evidence items in the lead's library, all linked to outcome 1 of an in-progress submission.
  const submission = await prisma.submission.findUniqueOrThrow({
    where: { reference: 'LKS-2627-RXV' },
    select: { id: true, libraryServiceId: true, cycle: { select: { editionId: true } } },
  })
  const outcome = await prisma.outcome.findFirstOrThrow({
    where: { editionId: submission.cycle.editionId, number: 1 },
    select: { id: true, indicators: { select: { id: true } } },
  })
  const lead = await prisma.user.findUniqueOrThrow({ where: { email: 'lead@demo.nhs.uk' }, select: { id: true } })
  const response = await prisma.outcomeResponse.findUniqueOrThrow({
    where: { submissionId_outcomeId: { submissionId: submission.id, outcomeId: outcome.id } },
    select: { id: true },
  })
  for (let i = 0; i < 60; i++) {
    const item = await prisma.evidenceItem.create({
      data: {
        libraryServiceId: submission.libraryServiceId,
        title: `Evidence item ${i + 1}: board paper on knowledge services`,
        description: 'Benchmark evidence',
        evidenceDateFrom: new Date(Date.UTC(2025, i % 12, 1)),
        createdById: lead.id,
      },
      select: { id: true },
    })
    const indicatorId = i % 2 === 0 ? (outcome.indicators[i % outcome.indicators.length]?.id ?? null) : null
    await prisma.evidenceLink.create({
      data: { evidenceItemId: item.id, outcomeResponseId: response.id, indicatorId, pointer: `page ${i + 1}` },
      select: { id: true },
    })
  }

  const cookie = await signIn(portal.url, 'lead@demo.nhs.uk')
  const pageUrl = `${portal.url}/submissions/${submission.id}/outcomes/1`
  const page = await timeRequests(() => fetch(pageUrl, { headers: { Cookie: cookie } }), requests)

  // The floor: a bare node:http server answering with a body of the same size.
  const body = Buffer.alloc(page.bytes, 'x')
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
    res.end(body)
  })
  await new Promise<void>((resolve) => bare.listen(3251, resolve))
  const floor = await timeRequests(() => fetch('http://localhost:3251/'), requests)
  bare.close()

  process.stdout.write(
    [
      `Outcome page with 60 linked evidence items, ${requests} sequential requests after 20 warm-up requests`,
      `Machine: ${machine()}`,
      '',
      '| Response | Median (ms) | 95th percentile (ms) | Fastest (ms) | Bytes |',
      '|---|---|---|---|---|',
      `| Outcome page (portal, production build) | ${page.medianMs} | ${page.p95Ms} | ${page.minMs} | ${page.bytes} |`,
      `| Bare node:http, same size | ${floor.medianMs} | ${floor.p95Ms} | ${floor.minMs} | ${floor.bytes} |`,
      '',
      `Target: median under 50 ms. ${page.medianMs < 50 ? 'Met.' : 'NOT MET.'}`,
      '',
    ].join('\n'),
  )
} finally {
  await prisma.$disconnect()
  await portal.stop()
}
