// Accounts only the browser tests use, so locking or changing them never disturbs the demo accounts.
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '../../app/generated/prisma/client'
import { hashPassword } from '../../app/modules/auth/password.server'
import { encryptTotpSecret } from '../../app/modules/auth/totp-secret.server'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './paths'

const TEST_ACCOUNTS = ['lockout.test@demo.nhs.uk', 'password.test@demo.nhs.uk', 'noroles.test@demo.nhs.uk'] as const
// National admins for the two-step verification tests: two still to set it up, two set up with the
// demo key (one for an admin to reset, one to make new recovery codes).
const TWO_STEP_ACCOUNTS = [
  { email: 'twostep.new@demo.nhs.uk', enrolled: false },
  { email: 'twostep.nojs@demo.nhs.uk', enrolled: false },
  { email: 'twostep.reset@demo.nhs.uk', enrolled: true },
  { email: 'twostep.codes@demo.nhs.uk', enrolled: true },
] as const

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
for (const { email, enrolled } of TWO_STEP_ACCOUNTS) {
  const { id } = await prisma.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name: 'Two-step Test Admin',
      passwordHash,
      roles: { create: [{ role: 'NATIONAL_ADMIN' }] },
      ...(enrolled ? { totpEnabledAt: new Date() } : {}),
    },
    select: { id: true },
  })
  // Encrypted for its person with the server's TOTP_ENCRYPTION_KEY, as the portal stores keys.
  if (enrolled)
    await prisma.user.update({
      where: { id },
      data: { totpSecret: encryptTotpSecret(id, DEMO_TOTP_SECRET) },
      select: { id: true },
    })
}
await prisma.$disconnect()
