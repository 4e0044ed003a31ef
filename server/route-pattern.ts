import type { ServerBuild } from '@remix-run/node'
import { matchRoutes } from '@remix-run/react'

type RouteTree = Parameters<typeof matchRoutes>[0]

/** The Remix routes of a build as a tree that React Router can match. */
function routeTree(routes: ServerBuild['routes']): RouteTree {
  const children = (parentId: string | undefined): RouteTree =>
    Object.values(routes)
      .filter((route) => route.parentId === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, path: route.path, index: true }
          : { id: route.id, path: route.path, children: children(route.id) },
      )
  return children(undefined)
}

type Matcher = { tree: RouteTree; staticSegments: Set<string>; patterns: Map<string, string | null> }
const matchers = new WeakMap<ServerBuild['routes'], Matcher>()
/** Distinct path shapes kept per build; the routes allow far fewer than this. */
const KEPT_SHAPES = 2000

function matcherOf(routes: ServerBuild['routes']): Matcher {
  let matcher = matchers.get(routes)
  if (!matcher) {
    const staticSegments = new Set(
      Object.values(routes).flatMap((route) =>
        (route.path ?? '').split('/').filter((segment) => segment && !segment.startsWith(':') && segment !== '*'),
      ),
    )
    matcher = { tree: routeTree(routes), staticSegments, patterns: new Map() }
    matchers.set(routes, matcher)
  }
  return matcher
}

/**
 * The route pattern a URL path matches, such as `/submissions/:submissionId/outcomes/:number`: what
 * the request log records instead of the URL, which may carry a token. Single-fetch data requests
 * (`/x.data`, `/_root.data`) report the page they load. Null when no route matches.
 */
export function routePattern(build: ServerBuild, pathname: string): string | null {
  const { tree, staticSegments, patterns } = matcherOf(build.routes)
  const page = pathname === '/_root.data' ? '/' : pathname.replace(/\.data$/, '')
  // Matching walks every route, so the answer is kept by the path's shape: each segment no route
  // names (an id, a number, a token) becomes ':', which matches the same routes as the value did.
  const shape = page
    .split('/')
    .map((segment) => (segment === '' || staticSegments.has(segment) ? segment : ':'))
    .join('/')
  if (patterns.has(shape)) return patterns.get(shape)!
  const matches = matchRoutes(tree, shape)
  const pattern = matches
    ? `/${matches
        .map((match) => match.route.path)
        .filter(Boolean)
        .join('/')}`.replace(/\/+/g, '/')
    : null
  if (patterns.size >= KEPT_SHAPES) patterns.clear()
  patterns.set(shape, pattern)
  return pattern
}
