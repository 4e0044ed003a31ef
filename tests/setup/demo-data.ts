import { copyFileSync, cpSync, existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { prisma } from '~/utils/db.server'

/**
 * Gives this test file the demo data (prisma/seed.ts): its database becomes a copy of the demo
 * template that the global setup seeded once, and its upload folder a copy of the demo evidence files. Call it in `beforeAll`, before anything else in the
 * file has written; it replaces the file's database, so whatever was in it is gone.
 */
export async function useDemoData(): Promise<void> {
  const file = process.env.DATABASE_URL!.replace(/^file:/, '')
  const template = path.join(process.env.LKS_TEST_TMP!, 'demo.db')
  await prisma.$disconnect()
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
  copyFileSync(template, file)
  // The demo evidence library's files, which the seed wrote beside the template.
  const uploads = path.join(process.env.LKS_TEST_TMP!, 'demo-uploads')
  if (existsSync(uploads)) cpSync(uploads, process.env.UPLOAD_DIR!, { recursive: true })
}
