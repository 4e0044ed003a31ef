import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { buildDatabaseFromMigrations } from './migrate'

export const TMP_DIR = path.resolve(import.meta.dirname, '../.tmp/vitest')
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')

/** Runs once per `vitest run`: a template database from the migrations, copied per test file. */
export default async function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true })
  mkdirSync(TMP_DIR, { recursive: true })
  await buildDatabaseFromMigrations(TEMPLATE_DB)
  return () => rmSync(TMP_DIR, { recursive: true, force: true })
}
