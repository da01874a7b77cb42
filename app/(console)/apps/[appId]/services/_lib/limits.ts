// The services tab's input limits, apart from the schemas (./schemas.ts) so that the dialogs,
// client components, do not ship the schema library to the browser.
export const NOTE_MAX_LENGTH = 1000;
