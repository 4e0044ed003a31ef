import { ReportLinks } from '~/components/report-links'
import { submissionReportLinks } from '~/modules/reports/links'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, InsetText, SummaryList, Table, WarningCallout } from '~/components/nhs'
import { RadarChart } from '~/components/radar-chart'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { agreementSummary, chartValueOfSteps, describeDifference, formatSteps } from '~/modules/results/compare'
import { getResult } from '~/modules/results/results.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDate } from '~/utils/dates'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Validated result - ${data.result.organisation.name}, ${data.result.cycleName} - LKS Quality Portal`
      : 'Validated result - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'result:view')
  // Before publication the service sees nothing of validation: not even that a result exists.
  const result = await getResult(user, context)
  if (!result) notFound()
  return {
    result,
    canViewPlan: context.status === 'PUBLISHED' && can(user, 'development-plan:view', context.target),
    reports: submissionReportLinks(user, context).filter((link) => link.href.endsWith('/outcome-report.pdf')),
  }
}

/** Text someone typed, with its line breaks, or a plain "None recorded". */
function FreeText({ text }: { text: string }) {
  return text.trim() ? <p className="app-preserve-lines">{text}</p> : <p>None recorded.</p>
}

export default function ResultPage() {
  const { result, canViewPlan, reports } = useLoaderData<typeof loader>()
  const { outcomes, previousCycleName } = result
  const whose = result.audience === 'service' ? 'your' : 'the'
  const base = `/submissions/${result.submissionId}`
  const series = [
    { label: 'Self-assessed', values: outcomes.map((o) => chartValueOfSteps(o.selfSteps)) },
    { label: 'Validated', values: outcomes.map((o) => chartValueOfSteps(o.agreedSteps)) },
    ...(previousCycleName
      ? [
          {
            label: `Validated in ${previousCycleName}`,
            values: outcomes.map((o) => chartValueOfSteps(o.previousSteps)),
          },
        ]
      : []),
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
        caption="Self-assessed and validated grades"
        captionSize="s"
        responsive
        firstCellIsHeader
        head={[
          'Outcome',
          'Self-assessed grade',
          'Validated grade',
          'Difference',
          ...(previousCycleName ? [`Validated in ${previousCycleName}`] : []),
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
        title={
          previousCycleName
            ? `Self-assessed and validated grades by outcome, with ${previousCycleName}`
            : 'Self-assessed and validated grades by outcome'
        }
        summary={agreementSummary(outcomes, previousCycleName)}
        axes={outcomes.map((o) => `Outcome ${o.number}`)}
        series={series}
      />

      {outcomes.map((o) => (
        <section key={o.number} aria-labelledby={`outcome-${o.number}`}>
          <hr className="nhsuk-section-break nhsuk-section-break--l nhsuk-section-break--visible" />
          <h2 id={`outcome-${o.number}`}>
            Outcome {o.number}: {o.shortTitle}
          </h2>
          <p>
            <strong>Validated grade:</strong> {formatSteps(o.agreedSteps)}
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
