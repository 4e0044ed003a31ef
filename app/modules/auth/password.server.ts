import argon2 from 'argon2'

// argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 35 ms of one core
// on the 2-core reference machine, so the sign-in page holds 20 or more sign-ins a second. Hashes
// made with other settings (the library's 64 MiB default, before) still verify, and are replaced
// with one at these settings the next time their owner signs in (see `passwordNeedsRehash`).
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS)
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

/** Whether a stored hash was made with other settings than today's and should be replaced. */
export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS)
  } catch {
    return true
  }
}

let dummyHash: Promise<string> | undefined

/** Spends the same time as a real check, so a wrong email cannot be told from a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-used-only-for-timing')
  await verifyPassword(await dummyHash, password)
}
