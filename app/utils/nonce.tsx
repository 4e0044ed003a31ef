import { createContext, useContext } from 'react'

// The CSP nonce of this response, for the few elements that need it (Remix's scripts).
const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
