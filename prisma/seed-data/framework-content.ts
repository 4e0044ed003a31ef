// Seed content for the outcomes framework (domain.md section 2): two editions, six outcomes each.
// Data only. Level summaries and indicators are draft wording for demonstration; national admins can edit them.

export type OutcomeSeed = {
  number: number
  shortTitle: string
  statement: string
  scope: string
  whyItMatters: string
  keyQuestions: string[]
  levels: Array<{ level: 1 | 2 | 3 | 4; summary: string; indicators: string[] }>
  suggestedEvidence: string[]
}

export type EditionSeed = {
  code: string
  name: string
  status: 'PUBLISHED' | 'DRAFT'
  description: string
  outcomes: OutcomeSeed[]
}

export const EDITION_2019: EditionSeed = {
  code: '2019',
  name: '2019 edition',
  status: 'PUBLISHED',
  description:
    'The first edition of the outcomes framework for NHS library and knowledge services in England, replacing the former compliance criteria with six outcomes and graded levels of attainment. The outcome statements use the official 2019 wording; the level summaries and indicators are draft wording for demonstration, which national admins can edit.',
  outcomes: [
    {
      number: 1,
      shortTitle: 'Access and priorities',
      statement:
        'All NHS organisations enable their workforce to freely access proactive library and knowledge services that meet organisational priorities within the framework of Knowledge for Healthcare',
      scope:
        'Covers how the organisation enables its whole workforce to access library and knowledge services free at the point of use, and how the service is planned, governed, funded and aligned to organisational priorities and Knowledge for Healthcare. It includes executive sponsorship, service agreements, induction and promotion.',
      whyItMatters:
        'Staff can only use evidence and knowledge if they know the service exists and can reach it when and where they need it. Alignment with organisational priorities directs library and knowledge resources at what matters most to patients and the organisation.',
      keyQuestions: [
        'Can every member of the workforce, whatever their role, location or working pattern, access the service free at the point of use?',
        "How does the LKS strategy link to the organisation's strategic objectives and to Knowledge for Healthcare?",
        'Who is the executive sponsor, and how do they champion the service?',
        'Is the service funding agreed, transparent and sufficient to deliver the strategy?',
        'How do new starters find out about the service?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'Foundations are in place: a qualified specialist leads the service and plans exist, but access, promotion and alignment with priorities are largely informal.',
          indicators: [
            'The service is led by a professionally qualified library and knowledge specialist',
            'A documented LKS strategy or service plan exists, even if it is not yet formally approved',
            'All staff groups are eligible to use the service free at the point of use',
          ],
        },
        {
          level: 2,
          summary:
            'Access and alignment with priorities are managed systematically for at least part of the workforce, and gaps in access are identified and acted on.',
          indicators: [
            'A current LKS strategy, approved by the executive sponsor, sets out how the service meets organisational priorities',
            'A named executive sponsor for the library and knowledge service is recorded',
            'The service is included in induction for at least one staff group',
            'Barriers to access, such as location, shift patterns or IT restrictions, have been identified and an action plan addresses them',
          ],
        },
        {
          level: 3,
          summary:
            'Access and promotion are routine across the whole organisation, and the strategy is reviewed regularly with senior leaders and the Board against organisational priorities.',
          indicators: [
            'Progress against the LKS strategy implementation plan is reported to the Board or a senior committee at least annually',
            'A service level agreement or equivalent sets out the service, funding and responsibilities for every organisation served',
            'The library and knowledge service is promoted in corporate induction for all staff',
            'The LKS budget is agreed annually and reflects the staffing and resources needed to deliver the strategy',
          ],
        },
        {
          level: 4,
          summary:
            "The service is embedded in the organisation's strategy and culture, championed by the Board, and its approach to access is recognised as exemplary beyond the organisation.",
          indicators: [
            'The Board or executive team routinely draws on the library and knowledge service when setting organisational strategy',
            "The library and knowledge service is named in the organisation's strategic plans or annual report",
            "The service's approach to access or alignment has been shared regionally or nationally as good practice",
          ],
        },
      ],
      suggestedEvidence: [
        'LKS strategy and implementation plan',
        'Board or committee papers and minutes',
        'Service level agreements',
        'Budget statements',
        'Induction material',
        'Access policy or statement of entitlement',
        'Promotional and marketing plan',
      ],
    },
    {
      number: 2,
      shortTitle: 'Evidence-based decision making',
      statement:
        'All NHS decision making is underpinned by high quality evidence and knowledge mobilised by skilled library and knowledge specialists',
      scope:
        'Covers how library and knowledge specialists mobilise evidence and knowledge to support clinical, managerial and strategic decisions. It includes literature searching, evidence summaries, current awareness and knowledge management activity such as capturing and sharing organisational learning.',
      whyItMatters:
        "Decisions informed by high quality evidence improve patient care and safety and make better use of resources. Skilled specialists save clinicians' and managers' time and reduce the risk of decisions resting on incomplete or out-of-date information.",
      keyQuestions: [
        'Which teams and decision-making groups do library and knowledge specialists currently support?',
        'How is evidence delivered in a form that decision makers can use quickly?',
        'Which knowledge management tools and techniques does the service use or promote?',
        'Can you show decisions that were influenced by evidence supplied by the service?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'Evidence searching and summarising are available on request, and knowledge management activity is informal or ad hoc.',
          indicators: [
            'A literature search service is available to all staff on request',
            'Library and knowledge specialists have been trained in evidence searching and summarising',
            'Some knowledge management activity, such as capturing lessons learned, has taken place',
          ],
        },
        {
          level: 2,
          summary:
            'Library and knowledge specialists work with one or more teams on their knowledge and evidence needs and use tools to mobilise evidence.',
          indicators: [
            'Library and knowledge specialists work with at least one named team on its knowledge and evidence needs',
            'Evidence summaries are produced to an agreed format and quality standard',
            'At least one knowledge management tool or technique, such as after action reviews or knowledge cafes, has been used with a team',
            'Feedback from the teams supported is gathered and used to improve the evidence service',
          ],
        },
        {
          level: 3,
          summary:
            'Library and knowledge specialists routinely work with senior stakeholders, and some Board decisions have been influenced by the evidence supplied.',
          indicators: [
            'Library and knowledge specialists routinely provide evidence to senior leaders or corporate committees',
            'At least one Board or executive decision in the last year was informed by evidence supplied by the service',
            'Knowledge management is included in the LKS strategy and reviewed against it at least annually',
          ],
        },
        {
          level: 4,
          summary:
            'Mobilising evidence and knowledge is embedded in decision making across the organisation, the Board routinely uses LKS evidence, and the service innovates and shares its practice.',
          indicators: [
            'Board and executive papers routinely cite evidence supplied by library and knowledge specialists',
            'Library and knowledge specialists are members of, or regularly attend, key decision-making groups',
            'The organisation has a knowledge management strategy or approach that the service helps to lead',
            'Innovations in mobilising evidence have been shared regionally or nationally',
          ],
        },
      ],
      suggestedEvidence: [
        'Evidence summaries used in decisions',
        'Knowledge-management activity records',
        'Literature search logs and feedback',
        'Committee or Board papers citing evidence supplied',
        'Current awareness bulletins',
        'Clinical guideline or policy development records',
      ],
    },
    {
      number: 3,
      shortTitle: 'Knowledge and evidence needs',
      statement:
        'Library and knowledge specialists identify the knowledge and evidence needs of the workforce in order to deliver effective and proactive services',
      scope:
        'Covers how the service identifies and analyses the knowledge and evidence needs of the workforce, and uses that understanding to design, target and prioritise its services.',
      whyItMatters:
        'Services built around a clear understanding of need are used more and deliver greater value. Regular needs analysis helps the service to anticipate change rather than react to it.',
      keyQuestions: [
        'How, and how often, does the service identify the knowledge and evidence needs of different staff groups?',
        'Which groups are under-served or not using the service, and why?',
        'How do usage data, surveys and feedback shape service priorities?',
        'How are identified needs linked to organisational priorities and workforce plans?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'Needs are understood informally through day-to-day contact and basic usage data, with plans in place for a needs analysis.',
          indicators: [
            'Basic usage data, such as loans, searches and registrations, are collected',
            'A plan or timetable for carrying out a knowledge and evidence needs analysis exists',
          ],
        },
        {
          level: 2,
          summary:
            'A systematic needs analysis has been carried out for at least one team or staff group, and the findings have been acted on.',
          indicators: [
            'A documented needs analysis has been completed for at least one team, staff group or service',
            'Actions arising from the needs analysis have been recorded and implemented',
            'User surveys or feedback are gathered at least annually',
          ],
        },
        {
          level: 3,
          summary:
            'Needs analysis is routine and organisation-wide, reviewed regularly against the strategy and discussed with senior leaders.',
          indicators: [
            'An organisation-wide needs analysis has been completed within the last three years',
            'Usage data are analysed by staff group and location to identify under-served groups',
            'Findings from needs analysis are reported to senior leaders and inform the LKS strategy',
            'The needs of learners on placement are assessed alongside those of employed staff',
          ],
        },
        {
          level: 4,
          summary:
            'Understanding of need is embedded in organisational planning, anticipates future needs and informs practice beyond the organisation.',
          indicators: [
            'Needs analysis is built into organisational planning, such as service redesign and workforce plans',
            'The service anticipates emerging needs from organisational and national priorities and adapts in advance',
            'Needs analysis methods or findings have been published or shared nationally',
          ],
        },
      ],
      suggestedEvidence: [
        'Needs analyses',
        'User surveys and results',
        'Usage data and analysis',
        'Focus group or interview notes',
        'Action plans arising from needs analysis',
      ],
    },
    {
      number: 4,
      shortTitle: 'Skill mix and workforce',
      statement:
        'All NHS organisations receive library and knowledge services provided by teams with the right skill mix to deliver on organisational and Knowledge for Healthcare priorities',
      scope:
        'Covers the size, structure, skills and development of the library and knowledge team, including professional qualifications, continuing professional development (CPD) and how roles are deployed to meet organisational and Knowledge for Healthcare priorities.',
      whyItMatters:
        'A team with the right mix of skills and enough capacity can deliver proactive, specialist services such as evidence summaries and knowledge management. Investment in development keeps skills current as needs and technologies change.',
      keyQuestions: [
        'Does the team have enough capacity, in whole time equivalent (WTE) terms, for the population it serves?',
        'What skills does the team have, and what gaps have been identified?',
        'How is CPD planned, recorded and supported?',
        'How are roles reviewed as the needs of the organisation change?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'A qualified library and knowledge specialist leads the service and all staff undertake continuing professional development.',
          indicators: [
            'The service is led by a library and knowledge specialist with a recognised professional qualification',
            'A staffing structure showing roles and whole time equivalents (WTE) is documented',
            'All library and knowledge staff have an annual appraisal',
            'All library and knowledge staff undertake CPD, recorded in a log or portfolio',
          ],
        },
        {
          level: 2,
          summary:
            'Skills are reviewed systematically for the team, and identified gaps are addressed through development or recruitment.',
          indicators: [
            'A skills audit of the team has been carried out, for example against the Professional Knowledge and Skills Base',
            'Individual development plans address gaps identified in the skills audit',
            'Staffing levels have been compared with the recommended national staff ratio and any shortfall raised with the executive sponsor',
          ],
        },
        {
          level: 3,
          summary:
            'Workforce planning for the team is routine, reviewed against the LKS strategy and discussed with senior leaders.',
          indicators: [
            'A workforce plan for the library and knowledge team is reviewed at least annually against the LKS strategy',
            'The team includes specialist roles, such as clinical librarians or knowledge managers, aligned to organisational priorities',
            "Senior leaders are aware of the team's capacity and skills and support its development",
            'Library and knowledge staff take part in regional or national professional networks',
          ],
        },
        {
          level: 4,
          summary:
            'Roles are redesigned as service needs change, and the team is recognised for workforce innovation and professional leadership.',
          indicators: [
            'Roles have been redesigned or created in response to changing service needs',
            'Team members contribute to national workforce initiatives, mentoring or professional education',
            'The team offers placements, apprenticeships or development opportunities that grow the wider LKS workforce',
          ],
        },
      ],
      suggestedEvidence: [
        'Staffing structure with WTE',
        'Qualifications of library and knowledge staff',
        'Skills audits',
        'CPD records',
        'Job descriptions',
        'Workforce plan for the team',
      ],
    },
    {
      number: 5,
      shortTitle: 'Quality and improvement',
      statement:
        'Library and knowledge specialists improve the quality of library and knowledge services using evidence from research, innovation and good practice',
      scope:
        'Covers how the service reviews and improves what it does using evidence from research, innovation and good practice, including benchmarking, evaluation and quality improvement methods.',
      whyItMatters:
        'Evidence-based practice applies to library and knowledge services as much as to clinical care. Using research and benchmarks helps the service to make the best use of its resources and to keep improving.',
      keyQuestions: [
        'How does the team keep up to date with research and good practice in library and knowledge services?',
        'Which services have been reviewed or evaluated, and what changed as a result?',
        'How does the service benchmark itself against others?',
        'Does the team use the quality improvement methods used elsewhere in the organisation?',
      ],
      levels: [
        {
          level: 1,
          summary: 'The team has access to research and good practice, and service improvement is informal and ad hoc.',
          indicators: [
            'Library and knowledge staff have access to current LKS research and professional literature',
            'Plans to review at least one service using evidence or good practice are documented',
          ],
        },
        {
          level: 2,
          summary:
            'At least one service has been reviewed systematically using evidence, and the issues identified have been acted on.',
          indicators: [
            'At least one service has been reviewed using evidence from research, benchmarks or good practice',
            'Changes made as a result of the review are documented and evaluated',
            'The service takes part in at least one benchmarking exercise',
          ],
        },
        {
          level: 3,
          summary:
            'Evidence-based review and improvement are routine across all main services and reported to senior leaders against the strategy.',
          indicators: [
            'A rolling programme of service reviews covers all main services',
            'Service improvements are reported to senior leaders and linked to the LKS strategy',
            "The organisation's quality improvement methods are applied to library and knowledge services",
          ],
        },
        {
          level: 4,
          summary:
            'Improvement is embedded in the culture of the team, which innovates and contributes to the evidence base for library and knowledge services.',
          indicators: [
            'Staff at all levels of the team lead improvement projects',
            'Innovations introduced by the service have been evaluated and adopted elsewhere',
            'Team members publish or present evaluations at regional or national events',
            'The service contributes to research into library and knowledge services',
          ],
        },
      ],
      suggestedEvidence: [
        'Service reviews citing research or benchmarks',
        'Evaluation reports',
        'Publications and conference presentations',
        'Benchmarking returns',
        'Quality improvement project records',
      ],
    },
    {
      number: 6,
      shortTitle: 'Demonstrating impact',
      statement:
        'Library and knowledge specialists demonstrate that their services make a positive impact on healthcare',
      scope:
        'Covers how the service gathers, analyses and uses evidence of its impact on patient care, staff and the organisation, and how that evidence is shared with stakeholders.',
      whyItMatters:
        'Evidence of impact shows decision makers the value of the service and underpins continued investment. It also tells the service which of its activities make the biggest difference.',
      keyQuestions: [
        'How does the service collect evidence of its impact, and for which services?',
        'How is impact evidence used to promote the service and inform decisions?',
        'Do senior stakeholders understand and talk about the value of the service?',
        'Does the service contribute impact data to the national evidence base?',
      ],
      levels: [
        {
          level: 1,
          summary: 'Evidence of impact is gathered informally, with plans to collect it systematically.',
          indicators: [
            'Informal feedback and examples of impact are recorded when offered',
            'The service has access to the national impact survey tools and plans to use them',
            'A named member of the team is responsible for gathering impact evidence',
          ],
        },
        {
          level: 2,
          summary: 'Impact data are collected systematically for at least one service and used in promotion.',
          indicators: [
            'Impact data are collected systematically, for example with the national impact survey, for at least one service',
            'Impact findings are used in promotional material or reports',
            'At least one impact case study has been written up',
            'Impact findings are used to identify and act on service improvements',
          ],
        },
        {
          level: 3,
          summary:
            'Impact data are collected routinely across all main services, reviewed against the strategy and reported to the Board or senior committees.',
          indicators: [
            'Impact data are collected routinely for all main services',
            'An impact report is presented to the Board or a senior committee at least annually',
            'Impact findings are reviewed against the LKS strategy and used to set priorities',
          ],
        },
        {
          level: 4,
          summary:
            'Senior stakeholders speak about the value of the service, and impact data are contributed to the national evidence base.',
          indicators: [
            'Senior stakeholders speak about the value of the service, supported by attributable quotes',
            'Impact evidence informs organisational investment decisions about the service',
            'Impact case studies or data have been contributed to the national evidence base',
            'Impact evidence includes effects on patient care, safety or outcomes',
            'The service has developed or tested new methods of measuring impact',
          ],
        },
      ],
      suggestedEvidence: [
        'Impact survey results',
        'Case studies',
        'Attributable stakeholder quotes',
        'Annual report or impact report',
        'Board or committee papers reporting impact',
        'Contributions to the national impact case study database',
      ],
    },
  ],
}

export const EDITION_2022: EditionSeed = {
  code: '2022',
  name: 'Second edition (2022)',
  status: 'PUBLISHED',
  description:
    "The second edition of the outcomes framework, reworded around the organisation's responsibility for a knowledge and library service for all staff and learners. Outcome 1 uses the published wording; the other statements, and all level summaries and indicators, are draft wording for demonstration, which national admins can edit.",
  outcomes: [
    {
      number: 1,
      shortTitle: 'Access and priorities',
      statement:
        "The organisation resources and champions a proactive knowledge and library service for all staff and learners, aligned to organisational priorities and 'Knowledge for Healthcare' policies and priorities.",
      scope:
        "Covers how the organisation resources, governs and champions its knowledge and library service so that all staff and learners can access it free at the point of use. It includes the service strategy, executive sponsorship, funding, service agreements, induction and promotion, and alignment with organisational priorities and 'Knowledge for Healthcare'.",
      whyItMatters:
        'A service that is properly resourced and visibly championed by the organisation reaches more staff and learners and can focus on what matters most. Clear ownership at senior level protects the service when priorities and budgets change.',
      keyQuestions: [
        'Can all staff and learners, whatever their role, location or working pattern, access the service free at the point of use?',
        "How does the knowledge and library service strategy support the organisation's priorities and 'Knowledge for Healthcare'?",
        'How does the executive sponsor champion the service within the organisation?',
        'Is the resourcing of the service agreed, transparent and sufficient to deliver the strategy?',
        'How do new staff and learners find out about the service?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'The organisation has the foundations in place: a qualified specialist leads the service and plans exist, but support and promotion are largely informal.',
          indicators: [
            'The service is led by a professionally qualified knowledge and library specialist',
            'A knowledge and library service strategy or plan exists, even if it is not yet formally approved',
            'All staff and learners are eligible to use the service free at the point of use',
          ],
        },
        {
          level: 2,
          summary:
            'The organisation supports the service systematically for at least part of its workforce and learners, and gaps in access are identified and acted on.',
          indicators: [
            'A current knowledge and library service strategy, approved by the executive sponsor, sets out how the service meets organisational priorities',
            'A named executive sponsor is recorded and meets the service lead at least twice a year',
            'The service is included in induction for at least one group of staff or learners',
            'Barriers to access for staff and learners have been identified and an action plan addresses them',
          ],
        },
        {
          level: 3,
          summary:
            'The organisation champions the service routinely across all staff and learners, and senior leaders and the Board review progress against the strategy regularly.',
          indicators: [
            'Progress against the strategy implementation plan is reported to the Board or a senior committee at least annually',
            'A service level agreement or equivalent sets out the service, resourcing and responsibilities for every organisation served',
            'The service is promoted in corporate induction for all staff and in local induction for learners',
            'The service budget is agreed annually and reflects the staffing and resources needed to deliver the strategy',
            "The service is represented in the organisation's education, workforce or digital governance",
          ],
        },
        {
          level: 4,
          summary:
            "The service is embedded in the organisation's strategy and culture, the Board champions it, and the organisation's approach is recognised as exemplary.",
          indicators: [
            'The Board or executive team routinely draws on the knowledge and library service when setting organisational strategy',
            "The knowledge and library service is named in the organisation's strategic plans or annual report",
            "The organisation's approach to resourcing and championing the service has been shared regionally or nationally as good practice",
          ],
        },
      ],
      suggestedEvidence: [
        'Knowledge and library service strategy and implementation plan',
        'Board or committee papers and minutes',
        'Service level agreements',
        'Budget statements',
        'Induction material for staff and learners',
        'Executive sponsor meeting notes',
        'Promotional and marketing plan',
      ],
    },
    {
      number: 2,
      shortTitle: 'Evidence-based decision making',
      statement:
        'The organisation ensures that decisions at every level, by staff and learners alike, are underpinned by high quality evidence and knowledge mobilised by skilled knowledge and library specialists.',
      scope:
        'Covers how the organisation uses knowledge and library specialists to mobilise evidence and knowledge for clinical, managerial, educational and strategic decisions. It includes literature searching, evidence summaries, current awareness and knowledge management activity such as capturing and sharing organisational learning.',
      whyItMatters:
        'Decisions informed by high quality evidence improve patient care and safety and make better use of resources. Involving skilled specialists saves staff and learners time and reduces the risk of decisions resting on incomplete or out-of-date information.',
      keyQuestions: [
        'Which teams, decision-making groups and education programmes do knowledge and library specialists support?',
        'How is evidence delivered in a form that staff and learners can use quickly?',
        'Which knowledge management tools and techniques does the organisation use, and how is the service involved?',
        'Can you show decisions that were influenced by evidence supplied by the service?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'Evidence searching and summarising are available on request, and knowledge management activity is informal or ad hoc.',
          indicators: [
            'A literature search service is available to all staff and learners on request',
            'Knowledge and library specialists have been trained in evidence searching and summarising',
          ],
        },
        {
          level: 2,
          summary:
            'Knowledge and library specialists work with one or more teams on their knowledge and evidence needs and use tools to mobilise evidence.',
          indicators: [
            'Knowledge and library specialists work with at least one named team on its knowledge and evidence needs',
            'Evidence summaries are produced to an agreed format and quality standard',
            'At least one knowledge management tool or technique, such as after action reviews or knowledge cafes, has been used with a team',
            'Feedback from the teams supported is gathered and used to improve the evidence service',
          ],
        },
        {
          level: 3,
          summary:
            'Knowledge and library specialists routinely work with senior stakeholders, and some Board decisions have been influenced by the evidence supplied.',
          indicators: [
            'Knowledge and library specialists routinely provide evidence to senior leaders or corporate committees',
            'At least one Board or executive decision in the last year was informed by evidence supplied by the service',
            'Knowledge management is included in the service strategy and reviewed against it at least annually',
            'Evidence support is offered to learners undertaking quality improvement or research projects',
          ],
        },
        {
          level: 4,
          summary:
            'Mobilising evidence and knowledge is embedded in decision making across the organisation, the Board routinely uses evidence from the service, and the service innovates and shares its practice.',
          indicators: [
            'Board and executive papers routinely cite evidence supplied by knowledge and library specialists',
            'Knowledge and library specialists are members of, or regularly attend, key decision-making groups',
            'The organisation has a knowledge management strategy or approach that the service helps to lead',
            'Innovations in mobilising evidence have been shared regionally or nationally',
          ],
        },
      ],
      suggestedEvidence: [
        'Evidence summaries used in decisions',
        'Knowledge-management activity records',
        'Literature search logs and feedback',
        'Committee or Board papers citing evidence supplied',
        'Current awareness bulletins',
      ],
    },
    {
      number: 3,
      shortTitle: 'Knowledge and evidence needs',
      statement:
        'The organisation ensures that the knowledge and evidence needs of all staff and learners are identified and analysed, so that its knowledge and library service can deliver effective and proactive services.',
      scope:
        'Covers how the organisation and its knowledge and library service identify and analyse the knowledge and evidence needs of staff and learners, and use that understanding to design, target and prioritise services.',
      whyItMatters:
        'Services built around a clear understanding of need are used more and deliver greater value. When needs analysis is part of organisational planning, the service can anticipate change rather than react to it.',
      keyQuestions: [
        'How, and how often, are the knowledge and evidence needs of different groups of staff and learners identified?',
        'Which groups are under-served or not using the service, and why?',
        'How do usage data, surveys and feedback shape service priorities?',
        'How does the organisation involve the service when planning new services or changes to the workforce?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'Needs are understood informally through day-to-day contact and basic usage data, with plans in place for a needs analysis.',
          indicators: [
            'Basic usage data, such as loans, searches and registrations, are collected',
            'A plan or timetable for carrying out a knowledge and evidence needs analysis exists',
            'Feedback from staff and learners is recorded when offered',
          ],
        },
        {
          level: 2,
          summary:
            'A systematic needs analysis has been carried out for at least one team or group of staff or learners, and the findings have been acted on.',
          indicators: [
            'A documented needs analysis has been completed for at least one team, staff group or learner group',
            'Actions arising from the needs analysis have been recorded and implemented',
            'Surveys or feedback from staff and learners are gathered at least annually',
          ],
        },
        {
          level: 3,
          summary:
            'Needs analysis is routine and organisation-wide, reviewed regularly against the strategy and discussed with senior leaders.',
          indicators: [
            'An organisation-wide needs analysis covering staff and learners has been completed within the last three years',
            'Usage data are analysed by staff group, learner group and location to identify under-served groups',
            'Findings from needs analysis are reported to senior leaders and inform the service strategy',
            'The needs of learners on placement are assessed with their education providers',
          ],
        },
        {
          level: 4,
          summary:
            'Understanding of need is embedded in organisational planning, anticipates future needs and informs practice beyond the organisation.',
          indicators: [
            'The service is consulted as part of organisational planning, such as service redesign and workforce plans',
            'The service anticipates emerging needs from organisational and national priorities and adapts in advance',
            'Needs analysis methods or findings have been published or shared nationally',
          ],
        },
      ],
      suggestedEvidence: [
        'Needs analyses',
        'Surveys of staff and learners and their results',
        'Usage data and analysis',
        'Focus group or interview notes',
        'Action plans arising from needs analysis',
        'Papers showing the service consulted on organisational plans',
      ],
    },
    {
      number: 4,
      shortTitle: 'Skill mix and workforce',
      statement:
        "The organisation ensures that its knowledge and library service is delivered by a team with the capacity and skill mix to meet the needs of staff and learners, organisational priorities and 'Knowledge for Healthcare' priorities.",
      scope:
        'Covers how the organisation sizes, structures and develops its knowledge and library team, including professional qualifications, continuing professional development (CPD) and how roles are deployed to meet the needs of staff and learners.',
      whyItMatters:
        'A team with the right mix of skills and enough capacity can deliver proactive, specialist services such as evidence summaries and knowledge management. Organisational support for development keeps skills current as needs and technologies change.',
      keyQuestions: [
        'Does the team have enough capacity, in whole time equivalent (WTE) terms, for the staff and learners it serves?',
        'What skills does the team have, and what gaps have been identified?',
        'How does the organisation support CPD for the team?',
        'How are roles reviewed as the needs of the organisation change?',
      ],
      levels: [
        {
          level: 1,
          summary:
            'A qualified knowledge and library specialist leads the service and all staff undertake continuing professional development.',
          indicators: [
            'The service is led by a knowledge and library specialist with a recognised professional qualification',
            'A staffing structure showing roles and whole time equivalents (WTE) is documented',
            'All knowledge and library staff undertake CPD, recorded in a log or portfolio',
          ],
        },
        {
          level: 2,
          summary:
            'Skills are reviewed systematically for the team, and identified gaps are addressed through development or recruitment.',
          indicators: [
            'A skills audit of the team has been carried out, for example against the Professional Knowledge and Skills Base',
            'Individual development plans, agreed at appraisal, address gaps identified in the skills audit',
            'Staffing levels have been compared with the recommended national staff ratio and any shortfall raised with the executive sponsor',
            'Protected time for CPD is agreed for all team members',
          ],
        },
        {
          level: 3,
          summary:
            'Workforce planning for the team is routine, reviewed against the strategy and supported by senior leaders.',
          indicators: [
            "A workforce plan for the knowledge and library team is reviewed at least annually as part of the organisation's workforce planning",
            'The team includes specialist roles, such as clinical librarians or knowledge managers, aligned to organisational priorities',
            'Knowledge and library staff take part in regional or national professional networks',
          ],
        },
        {
          level: 4,
          summary:
            'Roles are redesigned as service needs change, and the organisation is recognised for developing the wider knowledge and library workforce.',
          indicators: [
            'Roles have been redesigned or created in response to changing service needs',
            'Team members contribute to national workforce initiatives, mentoring or professional education',
            'The organisation offers placements, apprenticeships or development opportunities that grow the wider knowledge and library workforce',
            'The team leads or contributes to workforce innovation shared regionally or nationally',
          ],
        },
      ],
      suggestedEvidence: [
        'Staffing structure with WTE',
        'Qualifications of knowledge and library staff',
        'Skills audits',
        'CPD records',
        'Job descriptions and person specifications',
        'Workforce plan for the team',
      ],
    },
    {
      number: 5,
      shortTitle: 'Quality and improvement',
      statement:
        'The organisation supports its knowledge and library service to improve continuously, using evidence from research, innovation and good practice to benefit staff and learners.',
      scope:
        "Covers how the service, with the organisation's support, reviews and improves what it does using evidence from research, innovation and good practice, including benchmarking, evaluation and quality improvement methods.",
      whyItMatters:
        'Evidence-based practice applies to knowledge and library services as much as to clinical care. Using research and benchmarks helps the service to make the best use of its resources and to keep improving for staff and learners.',
      keyQuestions: [
        'How does the team keep up to date with research and good practice in knowledge and library services?',
        'Which services have been reviewed or evaluated, and what changed as a result?',
        'How does the service benchmark itself against others?',
        "How does the organisation's quality improvement support extend to the knowledge and library service?",
        'Does the organisation give the team time to innovate and evaluate?',
      ],
      levels: [
        {
          level: 1,
          summary: 'The team has access to research and good practice, and service improvement is informal and ad hoc.',
          indicators: [
            'Knowledge and library staff have access to current research and professional literature on knowledge and library services',
            'Plans to review at least one service using evidence or good practice are documented',
          ],
        },
        {
          level: 2,
          summary:
            'At least one service has been reviewed systematically using evidence, and the issues identified have been acted on.',
          indicators: [
            'At least one service has been reviewed using evidence from research, benchmarks or good practice',
            'Changes made as a result of the review are documented and evaluated',
            'The service takes part in at least one benchmarking exercise',
          ],
        },
        {
          level: 3,
          summary:
            'Evidence-based review and improvement are routine across all main services and reported to senior leaders against the strategy.',
          indicators: [
            'A rolling programme of service reviews covers all main services',
            'Service improvements are reported to senior leaders and linked to the service strategy',
            "The organisation's quality improvement methods and support are applied to the knowledge and library service",
            'Staff and learners are involved in designing and evaluating service changes',
          ],
        },
        {
          level: 4,
          summary:
            'Improvement is embedded in the culture of the team, which innovates and contributes to the evidence base for knowledge and library services.',
          indicators: [
            'Innovations introduced by the service have been evaluated and adopted elsewhere',
            'Team members publish or present evaluations at regional or national events',
            'The service contributes to research into knowledge and library services',
          ],
        },
      ],
      suggestedEvidence: [
        'Service reviews citing research or benchmarks',
        'Evaluation reports',
        'Publications and conference presentations',
        'Benchmarking returns',
        'Quality improvement project records',
        'Records of staff and learner involvement in service design',
      ],
    },
    {
      number: 6,
      shortTitle: 'Demonstrating impact',
      statement:
        'The organisation recognises and uses evidence that its knowledge and library service makes a positive impact on staff, learners, patient care and organisational priorities.',
      scope:
        'Covers how the service gathers, analyses and shares evidence of its impact on staff, learners, patient care and the organisation, and how the organisation uses that evidence.',
      whyItMatters:
        'Evidence of impact shows decision makers the value of the service and underpins continued investment. It also tells the service which of its activities make the biggest difference to staff, learners and patients.',
      keyQuestions: [
        'How does the service collect evidence of its impact, and for which services?',
        'How is impact evidence used to promote the service and inform decisions?',
        'Do senior stakeholders understand and talk about the value of the service?',
        'Does the service contribute impact data to the national evidence base?',
      ],
      levels: [
        {
          level: 1,
          summary: 'Evidence of impact is gathered informally, with plans to collect it systematically.',
          indicators: [
            'Informal feedback and examples of impact from staff and learners are recorded when offered',
            'The service has access to the national impact survey tools and plans to use them',
          ],
        },
        {
          level: 2,
          summary: 'Impact data are collected systematically for at least one service and used in promotion.',
          indicators: [
            'Impact data are collected systematically, for example with the national impact survey, for at least one service',
            'Impact findings are used in promotional material or reports',
            'At least one impact case study has been written up',
          ],
        },
        {
          level: 3,
          summary:
            'Impact data are collected routinely across all main services, reviewed against the strategy and reported to the Board or senior committees.',
          indicators: [
            'Impact data are collected routinely for all main services',
            'An impact report is presented to the Board or a senior committee at least annually',
            'Impact findings are reviewed against the service strategy and used to set priorities',
            'Impact on learners and education is captured alongside impact on staff and patient care',
          ],
        },
        {
          level: 4,
          summary:
            'Senior stakeholders speak about the value of the service, and impact data are contributed to the national evidence base.',
          indicators: [
            'Senior stakeholders speak about the value of the service, supported by attributable quotes',
            'Impact evidence informs organisational investment decisions about the service',
            'Impact case studies or data have been contributed to the national evidence base',
            'Impact evidence includes effects on patient care, safety or outcomes',
            'The service has developed or tested new methods of measuring impact',
          ],
        },
      ],
      suggestedEvidence: [
        'Impact survey results',
        'Case studies',
        'Attributable stakeholder quotes',
        'Annual report or impact report',
        'Board or committee papers reporting impact',
        'Contributions to the national impact case study database',
      ],
    },
  ],
}
