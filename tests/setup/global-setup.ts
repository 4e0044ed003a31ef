import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { buildDatabaseFromMigrations } from './migrate'

/**
 * Runs once per `vitest run`: a template database from the migrations, copied per test file. Each
 * run gets its own folder (named in LKS_TEST_TMP for the test workers), so runs side by side never
 * remove each other's databases.
 */
export default async function setup() {
  const dir = path.resolve(import.meta.dirname, '../.tmp', `vitest-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  await buildDatabaseFromMigrations(path.join(dir, 'template.db'))
  process.env.LKS_TEST_TMP = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
