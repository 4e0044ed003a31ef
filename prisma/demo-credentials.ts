// The demo data's published credentials: every demo account's password, and the authenticator
// key of the demo national admins and regional leads, who must use two-step verification
// (TWO_STEP_REQUIRED_ROLES). Add the key to an authenticator app, or run
// `npm run demo:totp -- admin@demo.nhs.uk` for the current code. Never use either outside the demo.
export const DEMO_PASSWORD = 'Quality-Portal-2026'
export const DEMO_TOTP_SECRET = 'LKSQUALITYPORTALDEMOTOTPSECRET22'
