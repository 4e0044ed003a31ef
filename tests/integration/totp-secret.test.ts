// Two-step verification keys at rest (issue 12): stored encrypted with TOTP_ENCRYPTION_KEY
// (AES-256-GCM, bound to the person), never in plain text; keys stored in plain text by an earlier
// version still work and are encrypted when read or when the server starts.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { checkSecondFactor, confirmEnrolment, currentCode, startEnrolment } from '~/modules/auth/two-step.server'
import {
  decryptTotpSecret,
  encryptPlainTotpSecrets,
  encryptTotpSecret,
  isEncryptedTotpSecret,
} from '~/modules/auth/totp-secret.server'
import { DEMO_TOTP_SECRET } from '../../prisma/demo-credentials'
import { createUser } from '../factories'

const ip = '198.51.100.9'

async function storedSecret(userId: string): Promise<string> {
  const { totpSecret } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })
  return totpSecret!
}

describe('two-step verification keys at rest', () => {
  it('are stored encrypted from set-up on, and codes from the app still work', async () => {
    const person = await createUser()
    const enrolment = await startEnrolment(person.id)
    const stored = await storedSecret(person.id)
    expect(stored).not.toContain(enrolment!.secret)
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    // The same key is offered again on a reload, read back through the encryption.
    expect((await startEnrolment(person.id))!.secret).toBe(enrolment!.secret)

    const confirmed = await confirmEnrolment({
      userId: person.id,
      code: await currentCode(enrolment!.secret),
      ipAddress: ip,
    })
    expect(confirmed.ok).toBe(true)
    expect(await storedSecret(person.id)).toBe(stored)
    const next = await currentCode(enrolment!.secret, new Date(Date.now() + 30_000))
    expect(await checkSecondFactor({ userId: person.id, code: next, ipAddress: ip })).toMatchObject({ ok: true })
  })

  it('cannot be read with another key, on another person’s row, or once altered', async () => {
    const [owner, other] = [await createUser(), await createUser()]
    const stored = encryptTotpSecret(owner.id, DEMO_TOTP_SECRET)
    expect(decryptTotpSecret(owner.id, stored)).toBe(DEMO_TOTP_SECRET)
    expect(() => decryptTotpSecret(other.id, stored)).toThrow()
    expect(() => decryptTotpSecret(owner.id, stored, randomBytes(32))).toThrow()
    const [version, iv, tag, ciphertext] = stored.split('.')
    const flipped = Buffer.from(ciphertext!, 'base64url')
    flipped[0] = flipped[0]! ^ 1
    expect(() => decryptTotpSecret(owner.id, [version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow()
    // Each encryption uses a fresh IV: the same key never gives the same stored text.
    expect(encryptTotpSecret(owner.id, DEMO_TOTP_SECRET)).not.toBe(stored)
  })

  it('left in plain text by an earlier version still work, and are encrypted when used', async () => {
    const person = await createUser()
    await prisma.user.update({
      where: { id: person.id },
      data: { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() },
    })
    const code = await currentCode(DEMO_TOTP_SECRET)
    expect(await checkSecondFactor({ userId: person.id, code, ipAddress: ip })).toMatchObject({ ok: true })
    const stored = await storedSecret(person.id)
    expect(isEncryptedTotpSecret(stored)).toBe(true)
    expect(decryptTotpSecret(person.id, stored)).toBe(DEMO_TOTP_SECRET)
  })

  it('left in plain text are all encrypted when the server starts', async () => {
    const people = [await createUser(), await createUser()]
    for (const person of people)
      await prisma.user.update({
        where: { id: person.id },
        data: { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() },
      })
    expect(await encryptPlainTotpSecrets()).toBeGreaterThanOrEqual(2)
    for (const person of people)
      expect(decryptTotpSecret(person.id, await storedSecret(person.id))).toBe(DEMO_TOTP_SECRET)
    expect(await prisma.user.count({ where: { totpSecret: DEMO_TOTP_SECRET } })).toBe(0)
    expect(await encryptPlainTotpSecrets()).toBe(0)
  })
})
