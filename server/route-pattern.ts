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

const trees = new WeakMap<ServerBuild['routes'], RouteTree>()

/**
 * The route pattern a URL path matches, such as `/submissions/:submissionId/outcomes/:number`: what
 * the request log records instead of the URL, which may carry a token. Single-fetch data requests
 * (`/x.data`, `/_root.data`) report the page they load. Null when no route matches.
 */
export function routePattern(build: ServerBuild, pathname: string): string | null {
  let tree = trees.get(build.routes)
  if (!tree) {
    tree = routeTree(build.routes)
    trees.set(build.routes, tree)
  }
  const page = pathname === '/_root.data' ? '/' : pathname.replace(/\.data$/, '')
  const matches = matchRoutes(tree, page)
  if (!matches) return null
  const parts = matches.map((match) => match.route.path).filter(Boolean)
  return `/${parts.join('/')}`.replace(/\/+/g, '/')
}
