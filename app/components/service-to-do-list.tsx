import { PastSubmissions, SubmissionToDoCard, type ToDoItem } from '~/components/submission-to-do'

type Service = {
  id: string
  name: string
  toDo: ToDoItem[]
  past: ToDoItem[]
  withoutSubmission: Array<{ id: string; name: string }>
}

/** A library service's section of the home page: what to do next on each submission, then past cycles. */
export function ServiceToDoList({ service }: { service: Service }) {
  return (
    <section aria-labelledby={`service-${service.id}`}>
      <h2 id={`service-${service.id}`}>{service.name}</h2>
      <p>
        What to do next on each of your submissions. Your evidence is kept in the{' '}
        <a href={`/services/${service.id}/evidence`}>{service.name} evidence library</a>.
      </p>
      {service.toDo.length ? (
        service.toDo.map((item) => <SubmissionToDoCard key={item.id} item={item} />)
      ) : (
        <p>There is nothing for you to do on a submission at the moment.</p>
      )}
      {service.withoutSubmission.length ? (
        <p>
          No submission yet for{' '}
          {service.withoutSubmission.map((o, i) => (
            <span key={o.id}>
              {i ? ', ' : ''}
              <a href={`/organisations/${o.id}`}>{o.name}</a>
            </span>
          ))}
          .
        </p>
      ) : null}
      {service.past.length ? (
        <>
          <h3>Past cycles</h3>
          <PastSubmissions items={service.past} caption={`Earlier submissions by ${service.name}`} />
        </>
      ) : null}
    </section>
  )
}
