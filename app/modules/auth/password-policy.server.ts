// Refuses common and guessable passwords (issue 12, finding 7), as NCSC and NIST advise, with the
// zxcvbn estimator and its common and English dictionaries: length alone let "123456789012" in.
// Server only: the dictionaries are too large to send to every browser, so the browser checks
// only the length and the server says why a password is too easy to guess.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

// zxcvbn's scale runs 0 to 4; 3 is "safely unguessable" (about 10^10 guesses).
const MINIMUM_SCORE = 3
const PORTAL_WORDS = ['lks', 'quality', 'portal', 'nhs', 'library', 'knowledge', 'password', 'demo']

let estimator: ZxcvbnFactory | undefined
function getEstimator() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, portal: PORTAL_WORDS },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  })
  return estimator
}

/**
 * Null when the password is hard enough to guess, else a plain-words refusal naming the field.
 * `personal` holds what the person's account says about them (name, email), which a guesser tries first.
 */
export function passwordWeakness(password: string, personal: readonly string[], fieldName = 'Password'): string | null {
  const inputs = personal.flatMap((value) => value.toLowerCase().split(/[^a-z0-9]+/)).filter((part) => part.length > 2)
  const result = getEstimator().check(password, inputs)
  if (result.score >= MINIMUM_SCORE) return null
  const matches = result.sequence.map((match) => match.pattern)
  const reason = matches.includes('dictionary')
    ? 'it is made of common words, names or passwords that people often use'
    : matches.some((pattern) => ['sequence', 'repeat', 'spatial'].includes(pattern))
      ? 'it uses a sequence, a repeated pattern or keys next to each other'
      : matches.includes('date')
        ? 'it contains a date'
        : 'it would be easy to guess'
  return `${fieldName} is too easy to guess because ${reason}. Try three or more random words together, like "kettle orbit lantern"`
}
