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
await prisma.$disconnect()
