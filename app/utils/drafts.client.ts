// The browser's copy of text typed and not yet saved (issue 14), in local storage, keyed by
// submission and outcome: kept until the server has the same text, so a session that ends, a
// network that drops or a closed tab loses nothing. Browser-only; every call is safe without storage.

export type Draft = { narrative: string; version: number; at: string }

const PREFIX = 'lks:draft:'

export function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key)
    if (!raw) return null
    const value = JSON.parse(raw) as Partial<Draft>
    return typeof value.narrative === 'string' && typeof value.version === 'number' && typeof value.at === 'string'
      ? { narrative: value.narrative, version: value.version, at: value.at }
      : null
  } catch {
    return null
  }
}

export function writeDraft(key: string, draft: Omit<Draft, 'at'>): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify({ ...draft, at: new Date().toISOString() }))
  } catch {
    // Storage full or refused: the text is still in the page.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key)
  } catch {
    // Nothing to do.
  }
}
