import {
  Button,
  CharacterCount,
  Checkboxes,
  createAll,
  InitError,
  PasswordInput,
  Radios,
  SkipLink,
} from 'nhsuk-frontend'

// The header and error summary stay with React (it owns their DOM and focus); these components
// only enhance what the server rendered. Run after every navigation: an element already started
// raises InitError, which is expected and ignored.
const COMPONENTS = [Button, CharacterCount, Checkboxes, PasswordInput, Radios, SkipLink] as const

export function initNhsFrontend() {
  // Normally set by the inline script in root.tsx; set again in case React re-rendered the body.
  document.body.classList.add('nhsuk-frontend-supported')
  for (const Component of COMPONENTS) {
    createAll(Component, undefined, {
      onError: (error: unknown) => {
        if (!(error instanceof InitError)) console.error(error)
      },
    })
  }
}
