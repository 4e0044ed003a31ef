import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

describe('migrations', () => {
  it('match prisma/schema.prisma exactly (no change left without a migration)', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'lks-drift-'))
    try {
      const run = () =>
        execFileSync(
          path.join(root, 'node_modules/.bin/prisma'),
          [
            'migrate',
            'diff',
            '--from-migrations',
            'prisma/migrations',
            '--to-schema-datamodel',
            'prisma/schema.prisma',
            '--exit-code',
          ],
          {
            cwd: root,
            env: { ...process.env, CHECKPOINT_DISABLE: '1', DATABASE_URL: `file:${path.join(scratch, 'shadow.db')}` },
            stdio: 'pipe',
          },
        )
      // Exit code 0: no difference; 2: a difference (execFileSync throws with the diff in stdout).
      expect(() => run()).not.toThrow()
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }, 60_000)
})
