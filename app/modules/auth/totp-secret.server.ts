// Two-step verification keys at rest (issue 12; ASVS 2.9, 6.2): each person's TOTP secret is
// stored encrypted with AES-256-GCM under TOTP_ENCRYPTION_KEY, which lives in the configuration,
// never in the database, so a copy of the database (a backup, a stolen file) does not give away
// anyone's codes. The person's id is the additional authenticated data: a secret copied onto
// another person's row does not decrypt. Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url).
//
// Keys written before encryption (plain base32, which has no dot) are still read, and are
// encrypted in place when read and, for everyone, when the server starts (encryptPlainTotpSecrets).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

const VERSION = 'v1'
const IV_BYTES = 12

function key(): Buffer {
  return Buffer.from(getEnv().TOTP_ENCRYPTION_KEY, 'hex')
}

export function isEncryptedTotpSecret(stored: string): boolean {
  return stored.startsWith(`${VERSION}.`)
}

/** The stored form of a person's secret. */
export function encryptTotpSecret(userId: string, secret: string, encryptionKey = key()): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv)
  cipher.setAAD(Buffer.from(userId, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.')
}

/** The secret from its stored form; throws if it was altered, moved to another person or made with another key. */
export function decryptTotpSecret(userId: string, stored: string, encryptionKey = key()): string {
  if (!isEncryptedTotpSecret(stored)) return stored
  const [, iv = '', tag = '', ciphertext = ''] = stored.split('.')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(userId, 'utf8'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
}

/** Encrypts one person's key if it is still in plain text; only if the row still holds that plain key. */
async function upgrade(userId: string, stored: string): Promise<boolean> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId, totpSecret: stored },
    data: { totpSecret: encryptTotpSecret(userId, stored) },
  })
  return count === 1
}

/** The person's secret for checking a code; a plain one left from before is encrypted as it is read. */
export async function readTotpSecret(userId: string, stored: string): Promise<string> {
  if (isEncryptedTotpSecret(stored)) return decryptTotpSecret(userId, stored)
  await upgrade(userId, stored)
  return stored
}

/** Encrypts every key still stored in plain text (run once as the server starts); returns how many. */
export async function encryptPlainTotpSecrets(): Promise<number> {
  const plain = await prisma.user.findMany({
    where: { totpSecret: { not: null }, NOT: { totpSecret: { startsWith: `${VERSION}.` } } },
    select: { id: true, totpSecret: true },
  })
  let upgraded = 0
  for (const user of plain) if (user.totpSecret && (await upgrade(user.id, user.totpSecret))) upgraded++
  return upgraded
}
