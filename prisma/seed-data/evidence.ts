// The demo evidence library of Ribble Valley Library and Knowledge Service: small real files (PDF,
// Word, Excel, an image) in prisma/seed-data/files, made by make-files.ts, and where each is linked.
// Baseline links and pen portrait documents are what "copy forward" brings into 2026/27.

export type DemoFileContent =
  | { kind: 'pdf'; pages: string[][] }
  | { kind: 'docx'; sections: string[][] }
  | { kind: 'xlsx'; sheets: Array<{ name: string; rows: Array<Array<string | number>> }> }
  | { kind: 'png'; lines: string[] }

export type DemoEvidence = {
  title: string
  description: string
  from: string
  to?: string
  file: { name: string; mimeType: string; content: DemoFileContent }
  /** Links: the cycle ('2122' baseline or '2627'), the organisations' ODS codes, outcome, indicator code, pointer. */
  links: Array<{ cycle: '2122' | '2627'; odsCodes: string[]; outcome: number; indicator?: string; pointer: string }>
  /** The baseline pen portrait document this item is, if any. */
  penPortrait?: 'STRATEGY' | 'ANNUAL_REPORT' | 'SERVICE_LEVEL_AGREEMENT'
}

const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const BASELINE = ['RXV', 'RWV', 'RYV']

export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    title: 'LKS strategy 2021 to 2024',
    description: 'The service strategy agreed by the Education and Workforce Committee in May 2021.',
    from: '2021-04-01',
    to: '2024-03-31',
    file: {
      name: 'lks-strategy-2021-2024.pdf',
      mimeType: PDF,
      content: {
        kind: 'pdf',
        pages: [
          ['Our vision: every member of staff and every learner can reach the knowledge and evidence they need.'],
          [
            'Priority 1: an evidence search service for every directorate, with a named clinical librarian.',
            'Priority 2: knowledge mobilisation with the patient safety and quality teams.',
          ],
          ['Measures: searches completed, training attendance, impact survey returns, reported in the annual report.'],
        ],
      },
    },
    links: [{ cycle: '2122', odsCodes: BASELINE, outcome: 1, indicator: '1.1.1', pointer: 'page 2' }],
    penPortrait: 'STRATEGY',
  },
  {
    title: 'Annual report 2021/22',
    description: 'Activity, impact and finance for the year, as presented to the Board in June 2022.',
    from: '2021-04-01',
    to: '2022-03-31',
    file: {
      name: 'annual-report-2021-22.pdf',
      mimeType: PDF,
      content: {
        kind: 'pdf',
        pages: [
          ['The year in numbers: 1,284 literature searches, 3,102 loans, 412 people trained in searching skills.'],
          ['Service improvement: the evidence search request form was redesigned after a user survey.'],
          ['Impact: 87% of impact survey respondents said the evidence they received changed their practice.'],
        ],
      },
    },
    links: [
      { cycle: '2122', odsCodes: BASELINE, outcome: 5, pointer: 'page 2' },
      { cycle: '2122', odsCodes: BASELINE, outcome: 6, indicator: '6.1.1', pointer: 'page 3' },
    ],
    penPortrait: 'ANNUAL_REPORT',
  },
  {
    title: 'Service level agreement with Ribble Valley Teaching Hospitals',
    description: 'The agreement for the library and knowledge service, reviewed every three years.',
    from: '2019-04-01',
    file: {
      name: 'service-level-agreement.docx',
      mimeType: DOCX,
      content: {
        kind: 'docx',
        sections: [
          ['This agreement is between Ribble Valley Teaching Hospitals NHS Foundation Trust and the library service.'],
          ['The service is open to all staff and learners, on every site, in person and online.'],
          ['The executive sponsor is the Chief Medical Officer, who receives a quarterly report.'],
        ],
      },
    },
    links: [
      { cycle: '2122', odsCodes: BASELINE, outcome: 1, pointer: 'section 3' },
      { cycle: '2627', odsCodes: ['RXV', 'RYV'], outcome: 1, pointer: 'section 3' },
    ],
    penPortrait: 'SERVICE_LEVEL_AGREEMENT',
  },
  {
    title: 'Staffing structure and qualifications',
    description: 'Posts, whole-time equivalents and professional qualifications of the library team.',
    from: '2021-09-01',
    file: {
      name: 'staffing-structure.docx',
      mimeType: DOCX,
      content: {
        kind: 'docx',
        sections: [
          ['Head of Library and Knowledge Services (1.0 WTE, chartered).'],
          ['Clinical librarians (2.6 WTE, qualified); library assistants (3.0 WTE).'],
        ],
      },
    },
    links: [
      { cycle: '2122', odsCodes: BASELINE, outcome: 4, indicator: '4.1.1', pointer: 'section 2' },
      { cycle: '2627', odsCodes: ['RYV'], outcome: 4, indicator: '4.1.1', pointer: 'section 2' },
    ],
  },
  {
    title: 'Library usage statistics 2021/22',
    description: 'Searches, loans and training by month and by directorate.',
    from: '2021-04-01',
    to: '2022-03-31',
    file: {
      name: 'usage-statistics-2021-22.xlsx',
      mimeType: XLSX,
      content: {
        kind: 'xlsx',
        sheets: [
          {
            name: 'By month',
            rows: [
              ['Month', 'Literature searches', 'Loans', 'People trained'],
              ['April 2021', 98, 251, 31],
              ['May 2021', 107, 262, 36],
              ['June 2021', 112, 248, 29],
            ],
          },
          {
            name: 'By directorate',
            rows: [
              ['Directorate', 'Literature searches'],
              ['Medicine', 402],
              ['Surgery', 311],
              ['Community', 188],
            ],
          },
        ],
      },
    },
    links: [{ cycle: '2122', odsCodes: BASELINE, outcome: 3, indicator: '3.1.1', pointer: 'sheet "By directorate"' }],
  },
  {
    title: 'LKS strategy 2025 to 2028',
    description: 'The current strategy, aligned to the trust’s clinical strategy and Knowledge for Healthcare.',
    from: '2025-04-01',
    to: '2028-03-31',
    file: {
      name: 'lks-strategy-2025-2028.pdf',
      mimeType: PDF,
      content: {
        kind: 'pdf',
        pages: [
          ['Our vision for 2025 to 2028: knowledge and evidence in every decision, from ward to Board.'],
          [
            'Priority 1: proactive evidence updates for every clinical directorate.',
            'Priority 2: a knowledge-sharing programme with the improvement team.',
          ],
          ['Needs analysis: the priorities come from the 2025 training needs analysis and usage data.'],
        ],
      },
    },
    links: [
      { cycle: '2627', odsCodes: ['RXV', 'RYV'], outcome: 1, indicator: '1.1.1', pointer: 'page 2' },
      { cycle: '2627', odsCodes: ['RXV', 'RYV'], outcome: 3, pointer: 'page 3' },
    ],
  },
  {
    title: 'Evidence summary: falls prevention for the patient safety group',
    description: 'A summary of the evidence prepared for the falls prevention working group, October 2025.',
    from: '2025-10-14',
    file: {
      name: 'evidence-summary-falls-prevention.pdf',
      mimeType: PDF,
      content: {
        kind: 'pdf',
        pages: [
          ['Question: which interventions reduce inpatient falls among older adults?'],
          ['Findings: multifactorial assessment and staff education reduce falls; the group adopted both.'],
        ],
      },
    },
    links: [{ cycle: '2627', odsCodes: ['RXV', 'RYV'], outcome: 2, indicator: '2.1.1', pointer: 'page 2' }],
  },
  {
    title: 'Training needs analysis survey 2025',
    description: 'Survey of 640 staff and learners about their knowledge and evidence needs.',
    from: '2025-06-01',
    to: '2025-07-31',
    file: {
      name: 'training-needs-analysis-2025.xlsx',
      mimeType: XLSX,
      content: {
        kind: 'xlsx',
        sheets: [
          {
            name: 'Responses',
            rows: [
              ['Staff group', 'Responses', 'Want search skills training'],
              ['Nursing and midwifery', 284, 191],
              ['Medical', 143, 88],
              ['Allied health professionals', 121, 79],
              ['Learners', 92, 80],
            ],
          },
        ],
      },
    },
    links: [{ cycle: '2627', odsCodes: ['RXV', 'RYV'], outcome: 3, indicator: '3.1.1', pointer: '' }],
  },
  {
    title: 'Outreach poster for community teams',
    description: 'The poster sent to every community team base in September 2025.',
    from: '2025-09-01',
    file: {
      name: 'outreach-poster.png',
      mimeType: 'image/png',
      content: {
        kind: 'png',
        lines: ['Your library, wherever you work.', 'Ask a clinical librarian for an evidence search: we come to you.'],
      },
    },
    links: [{ cycle: '2627', odsCodes: ['RXV'], outcome: 1, pointer: '' }],
  },
  {
    title: 'Impact case study: sepsis pathway review',
    description: 'How an evidence search changed the sepsis pathway, with quotes from the clinical lead.',
    from: '2025-11-03',
    file: {
      name: 'impact-case-study-sepsis.pdf',
      mimeType: PDF,
      content: {
        kind: 'pdf',
        pages: [
          ['The request: the sepsis lead asked for evidence on earlier antibiotic timing in the emergency department.'],
          ['The impact: the pathway was changed; "the search saved us weeks of work", said the clinical lead.'],
        ],
      },
    },
    links: [{ cycle: '2627', odsCodes: ['RYV'], outcome: 6, indicator: '6.1.1', pointer: 'page 2' }],
  },
  {
    title: 'CPD log for the library team 2025/26',
    description: 'Continuing professional development recorded by every member of the team.',
    from: '2025-04-01',
    to: '2026-03-31',
    file: {
      name: 'cpd-log-2025-26.xlsx',
      mimeType: XLSX,
      content: {
        kind: 'xlsx',
        sheets: [
          {
            name: 'CPD',
            rows: [
              ['Name', 'Activity', 'Hours'],
              ['Zoë Hartley', 'Leadership course', 14],
              ['Sam Okafor', 'Critical appraisal workshop', 7],
            ],
          },
        ],
      },
    },
    links: [{ cycle: '2627', odsCodes: ['RYV'], outcome: 4, pointer: 'sheet "CPD"' }],
  },
]
