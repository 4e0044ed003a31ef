/** Throws a Response (caught by the route's error boundary) when the condition is false. */
export function invariantResponse(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function notFound(message = 'Page not found'): never {
  throw new Response(message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function forbidden(message = 'You do not have permission to do this'): never {
  throw new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * A redirect target from untrusted input: only a path on this site, never another origin
 * ("//evil.example", "/\\evil.example", "https://...") and never a protocol-relative URL. The check
 * runs again on the normalised path, because "/.//evil.example" and "/a/../..//evil.example"
 * normalise into "//evil.example", which a browser reads as another site.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to) return fallback
  const value = to.trim()
  if (!isLocalPath(value)) return fallback
  try {
    const url = new URL(value, 'http://portal.invalid')
    if (url.origin !== 'http://portal.invalid') return fallback
    const normalised = url.pathname + url.search + url.hash
    return isLocalPath(normalised) ? normalised : fallback
  } catch {
    return fallback
  }
}

function isLocalPath(value: string): boolean {
  return (
    value.startsWith('/') && !value.startsWith('//') && !/[\u0000-\u001f\\]/.test(value) && !/^\/%(2f|5c)/i.test(value)
  )
}

/** A whole number from a URL segment, within bounds; anything else is a page that does not exist. */
export function integerParam(value: string | undefined, min: number, max: number): number {
  const number = Number(value)
  if (!value || !/^\d+$/.test(value) || number < min || number > max) notFound()
  return number
}
