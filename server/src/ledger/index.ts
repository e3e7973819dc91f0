/**
 * The holdings ledger across filings (README, "Across filings"): pure, no LSP imports; the CLI's
 * `ledger` command and the language server's workspace ledger share it.
 */
export * from './types';
export { buildLedger } from './build';
export { ledgerFiling, ledgerFilings } from './extract';
export { ownerKey, securityKey } from './identity';
export { shortSwing } from './shortSwing';
export { windowEnd, withinWindow } from './window';
export { entryLine, groupJson, ledgerCsv, ledgerJson, SHORT_SWING_METHOD } from './report';
