// Accounts only the browser tests use, so locking or changing them never disturbs the demo accounts.
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '../../app/generated/prisma/client'
import { hashPassword } from '../../app/modules/auth/password.server'
import { DEMO_PASSWORD } from './paths'

const TEST_ACCOUNTS = ['lockout.test@demo.nhs.uk', 'password.test@demo.nhs.uk', 'noroles.test@demo.nhs.uk'] as const

const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: process.env.DATABASE_URL! }) })
const passwordHash = await hashPassword(DEMO_PASSWORD)
for (const email of TEST_ACCOUNTS) {
  await prisma.user.upsert({
    where: { email },
    update: {},
    create: { email, name: 'Test Account', passwordHash },
    select: { id: true },
  })
}
// The demo's second executive sponsor (Ribble Valley Mental Health) signs in for the journey
// without JavaScript.
await prisma.user.update({ where: { email: 'kate.holt@demo.nhs.uk' }, data: { passwordHash }, select: { id: true } })
await prisma.user.update({ where: { email: 'mark.lewis@demo.nhs.uk' }, data: { passwordHash }, select: { id: true } })
// The validation journey: Priya Shah validates in the North West, and Ribble and Fylde's
// submission (awaiting sign-off in the demo) has been signed off and submitted.
await prisma.user.update({ where: { email: 'priya.shah@demo.nhs.uk' }, data: { passwordHash }, select: { id: true } })
const ribbleAndFylde = await prisma.submission.findUniqueOrThrow({
  where: { reference: 'LKS-2627-RYV' },
  select: { id: true, organisationId: true },
})
const sponsor = await prisma.roleAssignment.findFirstOrThrow({
  where: { role: 'EXECUTIVE_SPONSOR', organisationId: ribbleAndFylde.organisationId },
  select: { user: { select: { id: true, name: true, jobTitle: true } } },
})
const lead = await prisma.user.findUniqueOrThrow({ where: { email: 'lead@demo.nhs.uk' }, select: { id: true } })
const signedOffAt = new Date(Date.now() - 2 * 86400000)
await prisma.signOff.create({
  data: {
    submissionId: ribbleAndFylde.id,
    userId: sponsor.user.id,
    decision: 'SIGNED_OFF',
    signerName: sponsor.user.name,
    signerRole: sponsor.user.jobTitle,
    createdAt: signedOffAt,
  },
  select: { id: true },
})
await prisma.submission.update({
  where: { id: ribbleAndFylde.id },
  data: {
    status: 'SUBMITTED',
    submittedAt: new Date(signedOffAt.getTime() + 3600000),
    submittedById: lead.id,
    isLate: false,
  },
  select: { id: true },
})
await prisma.$disconnect()
