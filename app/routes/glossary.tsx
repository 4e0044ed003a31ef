import type { MetaFunction } from '@remix-run/node'
import { pageTitle } from '~/components/page-title'

export const meta: MetaFunction = () => [{ title: pageTitle('Glossary') }]

const TERMS: { term: string; meaning: string }[] = [
  {
    term: 'Agreed grade',
    meaning:
      'The grade a library service receives for an outcome once validation is finished: agreed by the validators, or by the regional lead when they differ.',
  },
  { term: 'Cycle', meaning: 'One round of quality assurance, with its own dates and framework edition.' },
  {
    term: 'Development plan',
    meaning: 'The actions a service plans after its result, including any required actions.',
  },
  {
    term: 'Indicator',
    meaning:
      'One statement of what a service does at a level of an outcome. A level is met when all its indicators are.',
  },
  { term: 'KfH', meaning: 'Knowledge for Healthcare, the national strategy for NHS library and knowledge services.' },
  {
    term: 'Level and sub-level',
    meaning:
      'How far a service has got with an outcome: level 0 to 4, and within a level low, medium or high. Levels are cumulative: a level needs every level below it too.',
  },
  {
    term: 'LKS',
    meaning:
      'Library and knowledge services: the NHS library and knowledge teams that this portal assures. Also called KLS.',
  },
  {
    term: 'ODS code',
    meaning:
      'Organisation Data Service code: the short code the NHS gives every organisation, for example RXV for a trust.',
  },
  {
    term: 'Outcome',
    meaning:
      'One of the six statements of the quality and improvement outcomes framework that services assess themselves against.',
  },
  {
    term: 'Pen portrait',
    meaning:
      'A short description of a library service: the organisations it serves, its staff, budget and key documents.',
  },
  {
    term: 'Self-assessment',
    meaning: 'The service’s own grading of each outcome, with its narrative and evidence, before validation.',
  },
  {
    term: 'Validation',
    meaning: 'The review of a self-assessment by two validators, one from the service’s region and one from another.',
  },
  {
    term: 'WTE',
    meaning:
      'Whole-time equivalent: staff hours as a share of a full-time post. Two people working half time are 1.0 WTE.',
  },
]

export default function Glossary() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Glossary</h1>
        <p>What the words and abbreviations used in the LKS Quality Portal mean.</p>
        <dl className="nhsuk-summary-list">
          {TERMS.map(({ term, meaning }) => (
            <div className="nhsuk-summary-list__row" key={term}>
              <dt className="nhsuk-summary-list__key">{term}</dt>
              <dd className="nhsuk-summary-list__value">{meaning}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  )
}
