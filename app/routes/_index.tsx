import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Table } from '~/components/nhs'
import { PlanStatusTag } from '~/components/plan-status-tag'
import { SubmissionStatusTag } from '~/components/status-tag'
import { ServiceToDoList } from '~/components/service-to-do-list'
import { PastSubmissions, SubmissionToDoCard } from '~/components/submission-to-do'
import { OpenQueueTable } from '~/components/validation-queue'
import { getHome } from '~/modules/home/home.server'
import { requireUser } from '~/modules/auth/session.server'
import { CYCLE_STATUS_LABELS } from '~/modules/cycles/labels'
import { queueSummary } from '~/modules/validation/queue'
import { formatDate } from '~/utils/dates'

export const meta: MetaFunction = () => [{ title: 'Home - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { name: user.name, home: await getHome(user) }
}

export default function Home() {
  const { name, home } = useLoaderData<typeof loader>()
  const nothing =
    !home.services.length &&
    !home.sponsorOrganisations.length &&
    !home.validation &&
    !home.regions.length &&
    !home.plans.length &&
    !home.national
  return (
    <>
      <h1>Welcome, {name}</h1>
      <p>
        The LKS Quality Portal is where NHS library and knowledge services (LKS) in England assess their quality against
        the national framework, and where validators and regional teams review it.
      </p>
      {nothing ? (
        <p>Your account has no roles yet. Contact your regional lead or the national team to be given access.</p>
      ) : null}

      {/* The service's to-do list (issue 15, items 1 to 7). */}
      {home.services.map((service) => (
        <ServiceToDoList key={service.id} service={service} />
      ))}

      {/* The executive sponsor's to-do list: a submission sent to them has the button to sign it off. */}
      {home.sponsorOrganisations.map((org) => (
        <section key={org.id} aria-labelledby={`sponsor-${org.id}`}>
          <h2 id={`sponsor-${org.id}`}>{org.name}</h2>
          <p>As executive sponsor you sign off your organisation&apos;s submissions and see their results.</p>
          {org.toDo.length ? (
            org.toDo.map((item) => <SubmissionToDoCard key={item.id} item={item} />)
          ) : (
            <p>There is nothing for you to do on a submission at the moment.</p>
          )}
          {org.past.length ? (
            <>
              <h3>Past cycles</h3>
              <PastSubmissions items={org.past} caption={`Earlier submissions for ${org.name}`} />
            </>
          ) : null}
        </section>
      ))}

      {home.plans.length ? (
        <section aria-labelledby="improvement-plans">
          <h2 id="improvement-plans">Service Improvement Plans</h2>
          <p>
            Plans in service improvement review cycles: the strategic steps each organisation will take against the six
            outcomes over the next two years.
          </p>
          <Table
            caption="Service Improvement Plans you work on"
            captionSize="s"
            responsive
            head={['Plan', 'Cycle', 'Status', 'Deadline', 'Next step']}
            rows={home.plans.map((plan) => [
              <a key="p" href={`/plans/${plan.id}`}>
                {plan.organisation.name}
                <span className="nhsuk-u-visually-hidden"> Service Improvement Plan</span> ({plan.reference})
              </a>,
              plan.cycle.name,
              <PlanStatusTag key="s" status={plan.status} />,
              formatDate(plan.cycle.submissionDeadline),
              plan.needsReviewer || plan.reviewing ? (
                <a key="n" href={`/plans/${plan.id}/review`}>
                  {plan.needsReviewer ? 'Assign a reviewer' : 'Review the plan'}
                  <span className="nhsuk-u-visually-hidden"> for {plan.organisation.name}</span>
                </a>
              ) : (
                ''
              ),
            ])}
          />
        </section>
      ) : null}

      {home.validation ? (
        <section aria-labelledby="validation-queue">
          <h2 id="validation-queue">Your validation queue</h2>
          <p>{queueSummary(home.validation.counts)}</p>
          {home.validation.open.length ? (
            <OpenQueueTable rows={home.validation.open} caption="Submissions assigned to you" />
          ) : (
            <p>When a regional lead assigns you a submission to validate, it appears here and you are sent an email.</p>
          )}
          {home.validation.toAgree.length ? (
            <>
              <p>
                Both validators have completed these. As primary validator you record the agreed result of each outcome
                you agree on within one sub-level, then confirm the result.
              </p>
              <Table
                caption="Agreed results waiting for you"
                captionSize="s"
                responsive
                head={['Organisation', 'Cycle', 'Next step']}
                rows={home.validation.toAgree.map((a) => [
                  a.organisation.name,
                  a.cycle.name,
                  <a key="n" href={`/submissions/${a.submissionId}/agreement`}>
                    {a.step === 'RECORD' ? 'Record the agreed result' : 'Confirm the agreed result'}
                    <span className="nhsuk-u-visually-hidden"> for {a.organisation.name}</span>
                  </a>,
                ])}
              />
            </>
          ) : null}
          <p>
            <a href="/validation">
              {home.validation.counts.completed
                ? 'See your whole validation queue, with the validations you have completed'
                : 'See your validation queue'}
            </a>
          </p>
        </section>
      ) : null}

      {home.regions.map((region) => (
        <section key={region.id} aria-labelledby={`region-${region.id}`}>
          <h2 id={`region-${region.id}`}>{region.name}</h2>
          <p>
            Submissions in open cycles in your region.{' '}
            <a href={`/regions/${region.id}`}>See every organisation in {region.name}</a>
          </p>
          <Table
            caption={`Open submissions in ${region.name}`}
            captionSize="s"
            responsive
            head={['Organisation', 'Library service', 'Cycle', 'Status', 'Next step']}
            rows={region.submissions.map((s) => [
              <a key="o" href={`/submissions/${s.id}`}>
                {s.organisation.name}
              </a>,
              s.libraryService.name,
              s.cycle.name,
              <SubmissionStatusTag key="s" status={s.status} />,
              s.status === 'SUBMITTED' ? (
                <a key="n" href={`/submissions/${s.id}/assign`}>
                  Assign validators<span className="nhsuk-u-visually-hidden"> for {s.organisation.name}</span>
                </a>
              ) : s.status === 'IN_MODERATION' || s.status === 'VALIDATED' ? (
                <a key="n" href={`/submissions/${s.id}/agreement`}>
                  {s.status === 'IN_MODERATION' ? 'Moderate' : 'Publish the result'}
                  <span className="nhsuk-u-visually-hidden"> for {s.organisation.name}</span>
                </a>
              ) : (
                ''
              ),
            ])}
          />
        </section>
      ))}

      {home.national ? (
        <>
          <section aria-labelledby="cycles">
            <h2 id="cycles">Cycles</h2>
            <Table
              caption="Cycles and their submissions"
              captionSize="s"
              responsive
              head={[
                'Cycle',
                'Framework',
                'Status',
                'Submission deadline',
                'Submissions',
                'Submitted',
                'Results published',
              ]}
              rows={home.national.cycles.map((c) => [
                <a key="c" href={`/cycles/${c.id}`}>
                  {c.name}
                </a>,
                c.edition.name,
                CYCLE_STATUS_LABELS[c.status] ?? c.status,
                formatDate(c.submissionDeadline),
                String(c.total),
                String(c.submitted),
                String(c.published),
              ])}
            />
          </section>
          <section aria-labelledby="regions">
            <h2 id="regions">Regions</h2>
            <Table
              caption="Regions, organisations and submissions in open cycles"
              captionSize="s"
              responsive
              head={['Region', 'Organisations', 'Submissions in open cycles']}
              rows={home.national.regions.map((r) => [
                <a key="r" href={`/regions/${r.id}`}>
                  {r.name}
                </a>,
                String(r.organisations),
                String(r.openSubmissions),
              ])}
            />
          </section>
        </>
      ) : null}
    </>
  )
}
