// `npm run backup -- [--out <folder>]`: an online, consistent backup of the database and every
// uploaded file, with a manifest of their SHA-256 hashes. The portal can keep running. Without
// --out the backup goes to a new folder, named by the time, under BACKUP_DIR (data/backups).
// Exits 1 when a file is missing or changed; what could be copied is still written.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createBackup, defaultBackupDir, formatSize } from '../app/modules/backup/backup.server'
import { getEnv } from '../app/utils/env.server'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const env = getEnv()
const packageJson = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  version: string
}
const outDir = values.out ? path.resolve(values.out) : defaultBackupDir(env.BACKUP_DIR)

try {
  const { manifest, problems } = await createBackup({
    databaseUrl: env.DATABASE_URL,
    uploadDir: env.UPLOAD_DIR,
    outDir,
    portalVersion: packageJson.version,
  })
  const bytes = manifest.files.reduce((sum, file) => sum + file.sizeBytes, 0)
  process.stdout.write(
    `Backed up the database (${formatSize(manifest.database.sizeBytes)}) and ${manifest.files.length} uploaded files (${formatSize(bytes)}) to ${outDir}\n`,
  )
  if (problems.length) {
    process.stderr.write(
      `\nThe backup is NOT complete. ${problems.length} ${problems.length === 1 ? 'file has a problem' : 'files have problems'}:\n`,
    )
    for (const problem of problems) process.stderr.write(`  - ${problem}\n`)
    process.stderr.write('Everything else was written, and the manifest records these problems.\n')
    process.exitCode = 1
  } else {
    const shown = path.relative(process.cwd(), outDir)
    process.stdout.write(`Check it with: npm run backup:verify -- ${shown.startsWith('..') ? outDir : shown}\n`)
  }
} catch (error) {
  process.stderr.write(`The backup failed: ${(error as Error).message}\n`)
  process.exitCode = 1
}
