import { isRouteErrorResponse, useParams, useRouteError, type Params } from '@remix-run/react'
import { ErrorPage } from './error-page'

type Back = { href: string; text: string } | null

/**
 * Where a person can carry on from when a page in each part of the portal fails. A page that was
 * refused or not found offers the part's own starting page; a page that failed offers the record it
 * belongs to (the submission, the evidence library), whose other pages may still work.
 */
const AREAS = {
  submissions: (params: Params, status: number): Back =>
    status >= 500 && params.submissionId
      ? { href: `/submissions/${params.submissionId}`, text: 'Go back to the submission' }
      : null,
  validation: (params: Params, status: number): Back =>
    status >= 500 && params.assignmentId
      ? { href: `/validation/assignments/${params.assignmentId}`, text: 'Go back to the validation' }
      : { href: '/validation', text: 'Go to your validations' },
  evidence: (params: Params, status: number): Back =>
    status >= 500 && params.serviceId
      ? { href: `/services/${params.serviceId}/evidence`, text: 'Go back to the evidence library' }
      : null,
  dashboards: (): Back => ({ href: '/dashboards', text: 'Go to the dashboards' }),
  admin: (): Back => ({ href: '/admin', text: 'Go to administration' }),
  improvement: (params: Params, status: number): Back =>
    status >= 500 && params.planId
      ? { href: `/plans/${params.planId}`, text: 'Go back to the Service Improvement Plan' }
      : null,
} satisfies Record<string, (params: Params, status: number) => Back>

export type PortalArea = keyof typeof AREAS

/**
 * A route's error boundary for one part of the portal: the NHS-style error page (its title says
 * what went wrong) inside the portal's layout, with a way back into that part.
 */
export function areaErrorBoundary(area: PortalArea) {
  function AreaErrorBoundary() {
    const error = useRouteError()
    const params = useParams()
    const status = isRouteErrorResponse(error) ? error.status : 500
    return <ErrorPage status={status} back={AREAS[area](params, status)} />
  }
  return AreaErrorBoundary
}
