import type { ServerBuild } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { routePattern } from './route-pattern'

type Routes = ServerBuild['routes']
const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) =>
  ({ id, parentId, path, index, module: {} }) as unknown as Routes[string]

function build(): ServerBuild {
  const routes: Routes = {
    root: route('root', undefined, ''),
    home: route('home', 'root', undefined, true),
    submissions: route('submissions', 'root', 'submissions'),
    newSubmission: route('newSubmission', 'submissions', 'new'),
    submission: route('submission', 'submissions', ':submissionId'),
    outcome: route('outcome', 'submission', 'outcomes/:number'),
    token: route('token', 'root', 'reset-password/:token'),
  }
  return { routes } as ServerBuild
}

describe('routePattern', () => {
  it('names the pattern, never the values in the path', () => {
    const b = build()
    expect(routePattern(b, '/submissions/abc-123/outcomes/4')).toBe('/submissions/:submissionId/outcomes/:number')
    expect(routePattern(b, '/reset-password/s3cr3t-token')).toBe('/reset-password/:token')
    expect(routePattern(b, '/submissions/abc-123/outcomes/4.data')).toBe('/submissions/:submissionId/outcomes/:number')
    expect(routePattern(b, '/_root.data')).toBe('/')
  })

  it('gives the same answer from its kept shapes as from matching, static segments included', () => {
    const b = build()
    // The second of each pair is answered from the shape the first left behind.
    for (const [path, pattern] of [
      ['/submissions/one', '/submissions/:submissionId'],
      ['/submissions/two', '/submissions/:submissionId'],
      ['/submissions/new', '/submissions/new'],
      ['/submissions/new', '/submissions/new'],
      ['/submissions/x/outcomes/1', '/submissions/:submissionId/outcomes/:number'],
      ['/submissions/new/outcomes/2', '/submissions/:submissionId/outcomes/:number'],
      ['/nowhere/at/all', null],
      ['/nowhere/else/either', null],
    ] as const)
      expect(routePattern(b, path), path).toBe(pattern)
  })
})
