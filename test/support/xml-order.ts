/**
 * The element sequence of the EDGAR ownership XML (../shared/docs/section16.md §3.2): EDGAR suspends a
 * document whose elements are out of order. An independent check of the writer: each element's
 * children must be known names in non-decreasing order of this table.
 */
import { type XmlElement } from '../tools/xml-to-record';

const ROW_COMMON_TAIL = ['postTransactionAmounts', 'ownershipNature'];

export const SEQUENCE: Record<string, string[][]> = {
  ownershipDocument: [
    ['schemaVersion'], ['documentType'], ['periodOfReport'], ['dateOfOriginalSubmission'], ['noSecuritiesOwned'], ['notSubjectToSection16'],
    ['form3HoldingsReported'], ['form4TransactionsReported'], ['issuer'], ['reportingOwner'], ['aff10b5One'], ['nonDerivativeTable'],
    ['derivativeTable'], ['footnotes'], ['remarks'], ['ownerSignature'],
  ],
  issuer: [['issuerCik'], ['issuerName'], ['issuerTradingSymbol']],
  reportingOwner: [['reportingOwnerId'], ['reportingOwnerAddress'], ['reportingOwnerRelationship']],
  reportingOwnerId: [['rptOwnerCik'], ['rptOwnerCcc'], ['rptOwnerName']],
  reportingOwnerAddress: [['rptOwnerStreet1'], ['rptOwnerStreet2'], ['rptOwnerCity'], ['rptOwnerState'], ['rptOwnerZipCode']],
  reportingOwnerRelationship: [['isDirector'], ['isOfficer'], ['isTenPercentOwner'], ['isOther'], ['officerTitle'], ['otherText']],
  nonDerivativeTable: [['nonDerivativeTransaction', 'nonDerivativeHolding']],
  derivativeTable: [['derivativeTransaction', 'derivativeHolding']],
  nonDerivativeTransaction: [['securityTitle'], ['transactionDate'], ['deemedExecutionDate'], ['transactionCoding'], ['transactionTimeliness'], ['transactionAmounts'], ...ROW_COMMON_TAIL.map((n) => [n])],
  nonDerivativeHolding: [['securityTitle'], ['transactionCoding'], ...ROW_COMMON_TAIL.map((n) => [n])],
  derivativeTransaction: [
    ['securityTitle'], ['conversionOrExercisePrice'], ['transactionDate'], ['deemedExecutionDate'], ['transactionCoding'], ['transactionTimeliness'],
    ['transactionAmounts'], ['exerciseDate'], ['expirationDate'], ['underlyingSecurity'], ...ROW_COMMON_TAIL.map((n) => [n]),
  ],
  derivativeHolding: [['securityTitle'], ['conversionOrExercisePrice'], ['transactionCoding'], ['exerciseDate'], ['expirationDate'], ['underlyingSecurity'], ...ROW_COMMON_TAIL.map((n) => [n])],
  transactionCoding: [['transactionFormType'], ['transactionCode'], ['equitySwapInvolved'], ['footnoteId']],
  transactionAmounts: [['transactionShares', 'transactionTotalValue'], ['transactionPricePerShare'], ['transactionAcquiredDisposedCode']],
  postTransactionAmounts: [['sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction']],
  ownershipNature: [['directOrIndirectOwnership'], ['natureOfOwnership']],
  underlyingSecurity: [['underlyingSecurityTitle'], ['underlyingSecurityShares', 'underlyingSecurityValue']],
  footnotes: [['footnote']],
  ownerSignature: [['signatureName'], ['signatureDate']],
};

const VALUE_WRAPPERS = new Set([
  'securityTitle', 'transactionDate', 'deemedExecutionDate', 'transactionTimeliness', 'transactionShares', 'transactionTotalValue',
  'transactionPricePerShare', 'transactionAcquiredDisposedCode', 'sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction',
  'directOrIndirectOwnership', 'natureOfOwnership', 'conversionOrExercisePrice', 'exerciseDate', 'expirationDate',
  'underlyingSecurityTitle', 'underlyingSecurityShares', 'underlyingSecurityValue',
]);

/** Problems with the order and nesting of elements, as "path: message" lines (empty: fine). */
export function orderProblems(el: XmlElement, path = ''): string[] {
  const here = `${path}/${el.name}`;
  const kids = el.children.filter((c): c is XmlElement => typeof c !== 'string');
  const problems: string[] = [];
  const seq = VALUE_WRAPPERS.has(el.name) ? [['value'], ['footnoteId']] : SEQUENCE[el.name];
  if (seq) {
    let rank = 0;
    for (const k of kids) {
      const r = seq.findIndex((names) => names.includes(k.name));
      if (r < 0) problems.push(`${here}: <${k.name}> is not a child of <${el.name}>`);
      else if (r < rank) problems.push(`${here}: <${k.name}> comes after <${seq[rank]!.join('|')}>`);
      else rank = r;
    }
  } else if (kids.length) problems.push(`${here}: <${el.name}> holds a value, not elements`);
  for (const k of kids) problems.push(...orderProblems(k, here));
  return problems;
}
