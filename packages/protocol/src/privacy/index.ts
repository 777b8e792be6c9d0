export { findIdentifiers } from './detect';
export { redactIdentifiers } from './redact';
export type { IdentifierKind, IdentifierMatch } from './types';
