// `npm run backup:verify -- <folder>`: checks a backup taken by `npm run backup`. The database must
// pass SQLite's integrity and foreign key checks and match the manifest's SHA-256; every file in the
// manifest must be present with the right size and SHA-256, and every file the database lists must
// be in the manifest. Exits 0 only when all of that holds.
import { parseArgs } from 'node:util'
import { formatSize, isFolder, verifyBackup } from '../app/modules/backup/backup.server'

const { positionals } = parseArgs({ allowPositionals: true })
const dir = positionals[0]
if (!dir || positionals.length > 1 || !(await isFolder(dir))) {
  process.stderr.write('Give the backup folder to check: npm run backup:verify -- data/backups/2026-03-14T02-00-00Z\n')
  process.exit(2)
}

const result = await verifyBackup(dir)
if (result.manifest) {
  process.stdout.write(
    `Backup of ${result.manifest.createdAt} (portal ${result.manifest.portalVersion}): database ${formatSize(result.manifest.database.sizeBytes)}, ${result.manifest.files.length} files listed, ${result.filesChecked} checked (${formatSize(result.bytesChecked)}).\n`,
  )
}
if (result.ok) {
  process.stdout.write(
    'The backup is good: the database passes its integrity checks and every file is present with the right SHA-256.\n',
  )
} else {
  process.stderr.write(
    `The backup FAILED its checks (${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}):\n`,
  )
  for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`)
  process.exitCode = 1
}
