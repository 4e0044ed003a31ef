import { alertOutOfSpace, isOutOfSpace } from '~/utils/out-of-space.server'
import { contactDetails } from './contact.server'

export type Stored<T> = { stored: true; value: T } | { stored: false; message: string }

/**
 * Runs a save; if the database is out of space (its disk is full, or it reached
 * DATABASE_MAX_SIZE_MB) the save's transaction has stored nothing, so the form is answered with
 * what the person typed and this message (507), and the log carries an alert. Other errors go on.
 */
export async function unlessOutOfSpace<T>(save: () => Promise<T>, where: string): Promise<Stored<T>> {
  try {
    return { stored: true, value: await save() }
  } catch (error) {
    if (!isOutOfSpace(error)) throw error
    alertOutOfSpace('database', { form: where })
    const { email } = await contactDetails()
    return {
      stored: false,
      message: `Your changes could not be saved because the portal is out of storage space. What you typed has been kept on this page. Try again later, or contact ${email}`,
    }
  }
}
