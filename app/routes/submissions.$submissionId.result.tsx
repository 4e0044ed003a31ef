import { ReportLinks } from '~/components/report-links'
import { submissionReportLinks } from '~/modules/reports/links'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, InsetText, SummaryList, Table, WarningCallout } from '~/components/nhs'
import { PeerComparisonTable } from '~/components/peer-comparison'
import { RadarChart } from '~/components/radar-chart'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { agreementSummary, chartValueOfSteps, describeDifference, formatSteps } from '~/modules/results/compare'
import { formatChartValueWithMedians, nationalMedianSeries } from '~/modules/results/peers'
import { findReopenedResult, getResult } from '~/modules/results/results.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDate } from '~/utils/dates'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.result
      ? `Validated result - ${data.result.organisation.name}, ${data.result.cycleName} - LKS Quality Portal`
      : data?.reopened
        ? `Result being reviewed again - ${data.reopened.organisationName}, ${data.reopened.cycleName} - LKS Quality Portal`
        : 'Validated result - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'result:view')
  // Before publication the service sees nothing of validation: not even that a result exists.
  const result = await getResult(user, context)
  if (!result) {
    // A published result that the regional lead has reopened: the service is told why, not "not found".
    const reopened = await findReopenedResult(user, context)
    if (!reopened) notFound()
    return {
      result: null,
      reopened: {
        ...reopened,
        submissionId: context.id,
        organisationName: context.organisation.name,
        cycleName: context.cycle.name,
      },
      canViewPlan: false,
      reports: [],
    }
  }
  return {
    result,
    reopened: null,
    canViewPlan: context.status === 'PUBLISHED' && can(user, 'development-plan:view', context.target),
    reports: submissionReportLinks(user, context).filter((link) => link.href.endsWith('/outcome-report.pdf')),
  }
}

/** Text someone typed, with its line breaks, or a plain "None recorded". */
function FreeText({ text }: { text: string }) {
  return text.trim() ? <p className="app-preserve-lines">{text}</p> : <p>None recorded.</p>
}

function BeingReviewedAgain(props: {
  submissionId: string
  organisationName: string
  cycleName: string
  at: string | Date
  reason: string
}) {
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: `/submissions/${props.submissionId}`, text: `${props.organisationName}, ${props.cycleName}` },
        ]}
      />
      <span className="nhsuk-caption-l">
        {props.organisationName}, {props.cycleName}
      </span>
      <h1>This result is being reviewed again</h1>
      <p>
        The regional lead reopened the published result on {formatDate(props.at)} to review it again. You can read it
        here once it is published again, and you will be emailed when it is.
      </p>
      <InsetText>
        <p>
          <strong>Reason given:</strong> {props.reason.trim() || 'None recorded.'}
        </p>
      </InsetText>
    </>
  )
}

export default function ResultPage() {
  const { result, reopened, canViewPlan, reports } = useLoaderData<typeof loader>()
  if (!result) return reopened ? <BeingReviewedAgain {...reopened} /> : null
  const { outcomes, previousCycleName } = result
  const whose = result.audience === 'service' ? 'your' : 'the'
  const base = `/submissions/${result.submissionId}`
  const series = [
    { label: 'Self-assessed', values: outcomes.map((o) => chartValueOfSteps(o.selfSteps)) },
    { label: 'Agreed grade', values: outcomes.map((o) => chartValueOfSteps(o.agreedSteps)) },
    ...(previousCycleName
      ? [
          {
            label: `Agreed in ${previousCycleName}`,
            values: outcomes.map((o) => chartValueOfSteps(o.previousSteps)),
          },
        ]
      : []),
    // Only above the suppression threshold (results/peers.ts): otherwise there is no series at all.
    ...(result.peers.shown ? [{ label: 'National median', values: nationalMedianSeries(result.peers) }] : []),
  ]
  const planLink = canViewPlan ? (
    <p>
      <a href={`${base}/development-plan`}>
        {result.audience === 'service' ? 'Go to your development plan' : 'View the development plan'}
      </a>
    </p>
  ) : null

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: base, text: `${result.organisation.name}, ${result.cycleName}` },
        ]}
      />
      <span className="nhsuk-caption-l">
        {result.organisation.name}, {result.cycleName}
      </span>
      <h1>Validated result</h1>
      {result.status !== 'PUBLISHED' ? (
        <InsetText>
          <p>
            This result has not been published yet. The service and its executive sponsor will see it once the regional
            lead publishes it.
          </p>
        </InsetText>
      ) : null}
      <SummaryList
        rows={[
          { key: 'Organisation', value: `${result.organisation.name} (${result.organisation.odsCode})` },
          { key: 'Library service', value: result.libraryServiceName },
          { key: 'Cycle', value: result.cycleName },
          { key: 'Region', value: result.regionName },
          { key: 'Published', value: result.publishedAt ? formatDate(result.publishedAt) : 'Not yet published' },
          {
            key: 'Minimum expected level',
            value:
              result.minimumExpectedLevel === null ? 'None set for this cycle' : `Level ${result.minimumExpectedLevel}`,
          },
        ]}
      />

      <ReportLinks links={reports} />

      {result.requiredActionCount > 0 ? (
        <WarningCallout heading="A development plan is due">
          <p>
            The result has{' '}
            {result.requiredActionCount === 1 ? '1 required action' : `${result.requiredActionCount} required actions`}.
            Add an item to the development plan for each one, with who owns it and when it is due.
          </p>
          {planLink}
        </WarningCallout>
      ) : (
        planLink
      )}

      <h2>Grades by outcome</h2>
      <Table
        caption="Self-assessed and agreed grades"
        captionSize="s"
        responsive
        firstCellIsHeader
        head={[
          'Outcome',
          'Self-assessed grade',
          'Agreed grade',
          'Difference',
          ...(previousCycleName ? [`Agreed in ${previousCycleName}`] : []),
        ]}
        rows={outcomes.map((o) => [
          `${o.number}. ${o.shortTitle}`,
          formatSteps(o.selfSteps),
          formatSteps(o.agreedSteps),
          describeDifference(o.selfSteps, o.agreedSteps, whose),
          ...(previousCycleName ? [formatSteps(o.previousSteps)] : []),
        ])}
      />

      <h2>Chart of the grades</h2>
      <RadarChart
        id="result-chart"
        title={`Self-assessed and agreed grades by outcome${previousCycleName ? `, with ${previousCycleName}` : ''}${result.peers.shown ? ', and the national median' : ''}`}
        summary={agreementSummary(outcomes, previousCycleName)}
        axes={outcomes.map((o) => `Outcome ${o.number}`)}
        series={series}
        formatValue={formatChartValueWithMedians}
      />

      <h2 id="peers-heading">How the result compares</h2>
      <PeerComparisonTable id="peer-comparison" comparison={result.peers} />

      {outcomes.map((o) => (
        <section key={o.number} aria-labelledby={`outcome-${o.number}`}>
          <hr className="nhsuk-section-break nhsuk-section-break--l nhsuk-section-break--visible" />
          <h2 id={`outcome-${o.number}`}>
            Outcome {o.number}: {o.shortTitle}
          </h2>
          <p>
            <strong>Agreed grade:</strong> {formatSteps(o.agreedSteps)}
          </p>
          <h3>Strengths and good practice</h3>
          <FreeText text={o.strengths} />
          <h3>Areas for development</h3>
          <FreeText text={o.areasForDevelopment} />
          <h3>Required actions</h3>
          {o.requiredActions.length ? (
            <ul>
              {o.requiredActions.map((a) => (
                <li key={a.id} className="app-preserve-lines">
                  {a.text}
                </li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
          <h3>Recommendations</h3>
          <FreeText text={o.recommendations} />
        </section>
      ))}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
