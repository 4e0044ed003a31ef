import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '../../app/generated/prisma/client'
import { seedDemoData } from '../../prisma/seed'
import { buildDatabaseFromMigrations } from './migrate'

/**
 * Runs once per `vitest run`: two template databases, copied per test file. `template.db` is the
 * migrated, empty database every file starts from; `demo.db` also holds the demo data, seeded here
 * once (about 10 s on a busy machine) rather than by every file that reads it (see useDemoData in
 * tests/setup/demo-data.ts). Each run gets its own folder (named in LKS_TEST_TMP for the test
 * workers), so runs side by side never remove each other's databases.
 */
export default async function setup() {
  const dir = path.resolve(import.meta.dirname, '../.tmp', `vitest-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const template = path.join(dir, 'template.db')
  await buildDatabaseFromMigrations(template)

  const demo = path.join(dir, 'demo.db')
  copyFileSync(template, demo)
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${demo}` }) })
  try {
    await seedDemoData(prisma, { uploadDir: path.join(dir, 'demo-uploads') })
  } finally {
    await prisma.$disconnect()
  }

  process.env.LKS_TEST_TMP = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
