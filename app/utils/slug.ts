// Text as part of a file name: lower-case ASCII letters and digits joined by hyphens ("Zoë Łódź,
// 2026/27" -> "zoe-lodz-2026-27"), so names are safe in any file system and HTTP header. Pure.

/** Letters that Unicode decomposition does not reduce to ASCII. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' }

/** The slug of `value`; empty when nothing in it survives. */
export function slug(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđðþßæœı]/g, (letter) => LETTERS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
