// Password length limits, apart from the hashing so that forms in the browser can import them.
export const MIN_PASSWORD_LENGTH = 12;
/** scrypt reads the whole password: the limit bounds the work a sign-in can ask for. */
export const MAX_PASSWORD_LENGTH = 256;
