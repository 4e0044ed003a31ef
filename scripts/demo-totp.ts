// Prints the current two-step verification code of a demo account, so the demo national admins
// and regional leads can sign in without an authenticator app:
//
//   npm run demo:totp -- admin@demo.nhs.uk
//
// It reads the account's authenticator key from the portal's database (DATABASE_URL, by default
// file:./prisma/dev.db), decrypting it with TOTP_ENCRYPTION_KEY as the portal does. Only the demo data's published key (DEMO_TOTP_SECRET in prisma/seed.ts)
// is printed from: a real person's key is never shown.
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '../app/generated/prisma/client'
import { generate } from 'otplib'
import { DEMO_TOTP_SECRET } from '../prisma/demo-credentials'
import { decryptTotpSecret } from '../app/modules/auth/totp-secret.server'

/** Whether the stored key (encrypted with TOTP_ENCRYPTION_KEY) is the demo one. */
function isDemoKey(userId: string, stored: string): boolean {
  try {
    return decryptTotpSecret(userId, stored) === DEMO_TOTP_SECRET
  } catch {
    return false
  }
}

async function main(): Promise<number> {
  const email = process.argv[2]?.trim().toLowerCase()
  if (!email) {
    process.stderr.write('Usage: npm run demo:totp -- <email>, for example admin@demo.nhs.uk\n')
    return 2
  }
  const prisma = new PrismaClient({
    adapter: new PrismaLibSQL({ url: process.env.DATABASE_URL ?? 'file:./prisma/dev.db' }),
  })
  try {
    const user = await prisma.user.findUnique({
      where: { email },
      select: { id: true, totpSecret: true, totpEnabledAt: true },
    })
    if (!user?.totpEnabledAt || !user.totpSecret || !isDemoKey(user.id, user.totpSecret)) {
      process.stderr.write(`${email} does not use the demo authenticator key, so there is no code to print.\n`)
      return 1
    }
    const now = new Date()
    const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30)
    process.stdout.write(`${await generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(now.getTime() / 1000) })}\n`)
    process.stderr.write(`(valid for about ${secondsLeft} more seconds; each code works once)\n`)
    return 0
  } finally {
    await prisma.$disconnect()
  }
}

process.exit(await main())
