// The pen portrait as the field-by-field merge sees it (issue 14, item 2): every field a person can
// change, by a key that does not depend on the order of the form. An organisation's figures are
// keyed by the organisation, a post by its stored row id (a post not saved yet by its place in
// the form that sends it), each service level agreement by its evidence item. A post is one field:
// its title, WTE and answer together, so a post one person removed and the other changed is asked
// about as a whole.
import { applyConflictChoices, type FieldValues } from './merge'

export type PenPortraitPost = { id: string | null; title: string; wte: number; qualified: boolean }

export type PenPortraitValues = {
  organisations: { organisationId: string; staffHeadcount: number | null; staffWte: number | null }[]
  staffPosts: PenPortraitPost[]
  budgetPounds: number | null
  strategyEvidenceId: string | null
  annualReportEvidenceId: string | null
  slaEvidenceIds: string[]
  contextNotes: string
}

/** The order the merged form shows things in: organisations as served, posts as merged. */
export type PenPortraitOrder = { organisationIds: string[]; postIds: string[] }

export const organisationKey = (organisationId: string, part: 'headcount' | 'wte') =>
  `organisation/${organisationId}/${part}`
export const postKey = (postId: string) => `post/${postId}`
export const slaKey = (evidenceItemId: string) => `sla/${evidenceItemId}`

const NEW_POST = 'new-'
/** The merge's id of a post: its stored id, or (not saved yet) its place in the form. */
export const postIdOf = (post: { id?: string | null }, index: number) => post.id || `${NEW_POST}${index}`
const isNewPost = (postId: string) => postId.startsWith(NEW_POST)

/** The input a conflict page's choice for a post goes into, before it is put in the post's row. */
const POST_ROW = 'postRow/'

const SIMPLE_INPUTS: Record<string, string> = {
  budget: 'budgetPounds',
  strategy: 'strategyEvidenceId',
  annualReport: 'annualReportEvidenceId',
  contextNotes: 'contextNotes',
}

/** A browser posts a textarea's lines with CRLF: not a change. */
const plain = (text: string) => text.replace(/\r\n?/g, '\n')
const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value))
const numberOf = (text: string | undefined) => {
  if (!text) return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}

/** A post as one field: title, WTE and whether its holder is qualified. */
export function postValue(post: { title: string; wte: number; qualified: boolean }): string {
  return JSON.stringify([post.title, post.wte, post.qualified ? 'yes' : 'no'])
}

export function parsePostValue(value: string | undefined): { title: string; wte: number; qualified: boolean } | null {
  if (!value) return null
  try {
    const parsed: unknown = JSON.parse(value)
    if (!Array.isArray(parsed) || parsed.length !== 3) return null
    const [title, wte, qualified] = parsed as unknown[]
    if (typeof title !== 'string' || typeof wte !== 'number' || (qualified !== 'yes' && qualified !== 'no')) return null
    return { title, wte, qualified: qualified === 'yes' }
  } catch {
    return null
  }
}

export function penPortraitFieldValues(values: PenPortraitValues): FieldValues {
  const fields: FieldValues = {
    budget: numberText(values.budgetPounds),
    strategy: values.strategyEvidenceId ?? '',
    annualReport: values.annualReportEvidenceId ?? '',
    contextNotes: plain(values.contextNotes),
  }
  for (const o of values.organisations) {
    fields[organisationKey(o.organisationId, 'headcount')] = numberText(o.staffHeadcount)
    fields[organisationKey(o.organisationId, 'wte')] = numberText(o.staffWte)
  }
  values.staffPosts.forEach((post, index) => {
    fields[postKey(postIdOf(post, index))] = postValue(post)
  })
  for (const id of values.slaEvidenceIds) fields[slaKey(id)] = 'yes'
  return fields
}

export function penPortraitValuesOf(fields: FieldValues, order: PenPortraitOrder): PenPortraitValues {
  return {
    organisations: order.organisationIds.map((organisationId) => ({
      organisationId,
      staffHeadcount: numberOf(fields[organisationKey(organisationId, 'headcount')]),
      staffWte: numberOf(fields[organisationKey(organisationId, 'wte')]),
    })),
    staffPosts: order.postIds.flatMap((postId) => {
      const post = parsePostValue(fields[postKey(postId)])
      return post ? [{ id: isNewPost(postId) ? null : postId, ...post }] : []
    }),
    budgetPounds: numberOf(fields.budget),
    strategyEvidenceId: fields.strategy || null,
    annualReportEvidenceId: fields.annualReport || null,
    slaEvidenceIds: Object.entries(fields).flatMap(([key, value]) =>
      key.startsWith('sla/') && value === 'yes' ? [key.slice('sla/'.length)] : [],
    ),
    contextNotes: fields.contextNotes ?? '',
  }
}

/**
 * The posts in the order the merged form shows them: the saver's own, then those only the other
 * side has (added by them, or removed here and changed there).
 */
export function mergedPostOrder(minePostIds: string[], theirPostIds: string[]): string[] {
  return [...minePostIds, ...theirPostIds.filter((id) => !minePostIds.includes(id))]
}

/** The form's input name for a field key; null for keys no single input carries. */
export function penPortraitInputName(key: string, organisationIds: string[]): string | null {
  const simple = SIMPLE_INPUTS[key]
  if (simple) return simple
  const organisation = /^organisation\/(.+)\/(headcount|wte)$/.exec(key)
  if (organisation) {
    const index = organisationIds.indexOf(organisation[1]!)
    if (index < 0) return null
    return `organisations[${index}].${organisation[2] === 'wte' ? 'staffWte' : 'staffHeadcount'}`
  }
  const post = /^post\/(.+)$/.exec(key)
  if (post) return `${POST_ROW}${post[1]}`
  return null
}

/** Text may be edited into a merged version; the other fields are a choice of one of the two values. */
export const isPenPortraitTextField = (key: string) => key === 'contextNotes'

/** The ids of the organisations in the order the form posts them. */
export function postedOrganisationIds(formData: FormData): string[] {
  const ids: string[] = []
  for (let index = 0; formData.has(`organisations[${index}].organisationId`); index++)
    ids.push(String(formData.get(`organisations[${index}].organisationId`)))
  return ids
}

/**
 * Applies the choices made on a conflict page to the posted form, before it is parsed (see
 * applyConflictChoices). The version of a post chosen is put into that post's row, found by its id;
 * a post removed on the chosen side is left empty, which leaves it out. Returns the keys with no
 * choice made.
 */
export function applyPenPortraitChoices(formData: FormData): string[] {
  const organisationIds = postedOrganisationIds(formData)
  const unresolved = applyConflictChoices(formData, (key) => penPortraitInputName(key, organisationIds))
  let rows = 0
  while (formData.has(`staffPosts[${rows}].id`) || formData.has(`staffPosts[${rows}].title`)) rows++
  for (const name of [...new Set(formData.keys())]) {
    if (!name.startsWith(POST_ROW)) continue
    const postId = name.slice(POST_ROW.length)
    const chosen = parsePostValue(String(formData.get(name) ?? ''))
    formData.delete(name)
    let index = 0
    while (index < rows && formData.get(`staffPosts[${index}].id`) !== postId) index++
    if (index === rows) {
      if (!chosen) continue
      rows++
      formData.set(`staffPosts[${index}].id`, isNewPost(postId) ? '' : postId)
    }
    formData.set(`staffPosts[${index}].title`, chosen?.title ?? '')
    formData.set(`staffPosts[${index}].wte`, chosen ? String(chosen.wte) : '')
    if (chosen) formData.set(`staffPosts[${index}].qualified`, chosen.qualified ? 'yes' : 'no')
    else formData.delete(`staffPosts[${index}].qualified`)
  }
  return unresolved
}

/** The form's values (as Conform takes them) for the merged pen portrait a conflict page shows. */
export function penPortraitFormValue(fields: FieldValues, order: PenPortraitOrder, conflicts: string[]) {
  const values = penPortraitValuesOf(fields, order)
  const rows = order.postIds.flatMap((postId) => {
    const post = parsePostValue(fields[postKey(postId)])
    // A post in conflict keeps its row (its choice is put there), even if this side removed it.
    if (!post && !conflicts.includes(postKey(postId))) return []
    return [
      {
        id: isNewPost(postId) ? '' : postId,
        title: post?.title ?? '',
        wte: post ? String(post.wte) : '',
        qualified: post ? (post.qualified ? 'yes' : 'no') : '',
      },
    ]
  })
  return {
    organisations: values.organisations.map((o) => ({
      organisationId: o.organisationId,
      staffHeadcount: numberText(o.staffHeadcount),
      staffWte: numberText(o.staffWte),
    })),
    staffPosts: rows.length ? rows : [{ id: '', title: '', wte: '', qualified: '' }],
    budgetPounds: numberText(values.budgetPounds),
    strategyEvidenceId: values.strategyEvidenceId ?? '',
    annualReportEvidenceId: values.annualReportEvidenceId ?? '',
    slaEvidenceIds: values.slaEvidenceIds,
    contextNotes: values.contextNotes,
  }
}
