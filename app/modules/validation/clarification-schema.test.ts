import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { AskSchema, chosenQuestions, FollowUpSchema, outcomeList, ReplySchema } from './clarification-schema'

function formData(entries: Array<[string, string]>): FormData {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}

/** The ask form as the browser sends it: every outcome's number and question, ticked boxes only. */
function askForm(outcomes: Array<{ number: number; ask?: boolean; question?: string }>): FormData {
  return formData(
    outcomes.flatMap((o, i): Array<[string, string]> => [
      [`items[${i}].number`, String(o.number)],
      ...(o.ask ? [[`items[${i}].ask`, 'on'] as [string, string]] : []),
      [`items[${i}].question`, o.question ?? ''],
    ]),
  )
}

describe('the ask form', () => {
  it('needs at least one outcome', () => {
    const result = parseWithZod(askForm([{ number: 1 }, { number: 2, question: 'Typed but not ticked' }]), {
      schema: AskSchema,
    })
    expect(result.status).toBe('error')
    expect(result.status === 'error' ? result.error : null).toEqual({
      items: ['Select at least one outcome to ask about'],
    })
  })

  it('needs a question for each chosen outcome, naming the outcome', () => {
    const result = parseWithZod(
      askForm([
        { number: 1 },
        { number: 2, ask: true, question: '   ' },
        { number: 5, ask: true, question: 'x'.repeat(5_001) },
      ]),
      { schema: AskSchema },
    )
    expect(result.status === 'error' ? result.error : null).toEqual({
      'items[1].question': ['Enter your question about outcome 2'],
      'items[2].question': ['Your question about outcome 5 must be 5,000 characters or fewer'],
    })
  })

  it('accepts a question of exactly 5,000 characters and ignores questions for outcomes not chosen', () => {
    const result = parseWithZod(
      askForm([
        { number: 5, ask: true, question: `  ${'y'.repeat(5_000)}  ` },
        { number: 1, question: 'x'.repeat(9_000) },
        { number: 2, ask: true, question: 'How is the service promoted?' },
      ]),
      { schema: AskSchema },
    )
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(chosenQuestions(result.value)).toEqual([
      { number: 2, question: 'How is the service promoted?' },
      { number: 5, question: 'y'.repeat(5_000) },
    ])
  })

  it('refuses the same outcome twice', () => {
    const result = parseWithZod(
      askForm([
        { number: 2, ask: true, question: 'One' },
        { number: 2, ask: true, question: 'Two' },
      ]),
      { schema: AskSchema },
    )
    expect(result.status === 'error' ? result.error : null).toEqual({
      items: ['Each outcome can be asked about only once'],
    })
  })
})

describe('replies and follow-up questions', () => {
  it('needs some text, at most 5,000 characters', () => {
    const reply = (body: string) =>
      parseWithZod(
        formData([
          ['intent', 'reply'],
          ['threadId', 't1'],
          ['body', body],
        ]),
        { schema: ReplySchema },
      )
    const empty = reply('')
    expect(empty.status === 'error' ? empty.error : null).toEqual({ body: ['Enter your reply'] })
    const long = reply('z'.repeat(5_001))
    expect(long.status === 'error' ? long.error : null).toEqual({
      body: ['Your reply must be 5,000 characters or fewer'],
    })
    const ok = reply('  The Board minutes are now linked.  ')
    expect(ok.status === 'success' ? ok.value : null).toEqual({
      intent: 'reply',
      threadId: 't1',
      body: 'The Board minutes are now linked.',
    })
    const followUp = parseWithZod(
      formData([
        ['intent', 'follow-up'],
        ['threadId', 't1'],
        ['body', ' '],
      ]),
      { schema: FollowUpSchema },
    )
    expect(followUp.status === 'error' ? followUp.error : null).toEqual({ body: ['Enter your follow-up question'] })
  })
})

describe('outcomeList', () => {
  it('names the outcomes as a sentence would', () => {
    expect(outcomeList([2])).toBe('outcome 2')
    expect(outcomeList([2, 5])).toBe('outcomes 2 and 5')
    expect(outcomeList([1, 2, 5])).toBe('outcomes 1, 2 and 5')
  })
})
