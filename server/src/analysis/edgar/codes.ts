/**
 * The `edgar-` rule codes, their default levels and descriptions, and which rules (these and the
 * general ones) are EDGAR's acceptance checks. Data only: the rule tables import it.
 */
import type { RuleCode, Severity } from '../types';

export type EdgarCode =
  | 'edgar-too-many-owners'
  | 'edgar-too-many-rows'
  | 'edgar-too-many-footnotes'
  | 'edgar-value-too-long'
  | 'edgar-required-value'
  | 'edgar-nature-on-direct'
  | 'edgar-missing-original-date'
  | 'edgar-missing-cik';

/** What EDGAR does with a document that breaks the check, and where the specification says so. */
export interface EdgarCheck {
  outcome: 'suspended' | 'warning';
  section: string;
}

/**
 * Every rule that is one of EDGAR's acceptance checks: the `edgar-` rules and the general rules
 * that already are such a check. The preview and `form345 xml` show these as "would EDGAR accept it".
 */
export const EDGAR_CHECKS: Partial<Record<RuleCode, EdgarCheck>> = {
  'edgar-too-many-owners': { outcome: 'suspended', section: '§3.2 reportingOwner (at most 10)' },
  'edgar-too-many-rows': { outcome: 'suspended', section: '§3.2 row limits (30 a table, 60 in all)' },
  'edgar-too-many-footnotes': { outcome: 'suspended', section: '§3.4 footnote ids F1..F99' },
  'edgar-value-too-long': { outcome: 'suspended', section: '§3.2 element lengths, §3.3 strings' },
  'edgar-required-value': { outcome: 'suspended', section: '§3.2 mandatory elements, cm(8): a lost value must be footnoted' },
  'edgar-nature-on-direct': { outcome: 'suspended', section: '§3.5 natureOfOwnership with D' },
  'edgar-missing-original-date': { outcome: 'suspended', section: '§2.4, §3.2 dateOfOriginalSubmission in /A documents' },
  'edgar-missing-cik': { outcome: 'suspended', section: '§3.2 issuerCik, rptOwnerCik (mandatory)' },
  'unused-footnote': { outcome: 'suspended', section: '§3.4 a footnote never referenced' },
  'undefined-footnote': { outcome: 'suspended', section: '§3.4 footnoteId is an IDREF' },
  'duplicate-footnote': { outcome: 'suspended', section: '§3.4 the same id defined twice' },
  'no-rows': { outcome: 'suspended', section: '§3.5 a Form 4/5 needs a row or notSubjectToSection16' },
  'missing-price': { outcome: 'suspended', section: '§3.2 cm(8) transactionPricePerShare' },
  'missing-ownership-form': { outcome: 'suspended', section: '§3.2 directOrIndirectOwnership (mandatory)' },
  'indirect-without-nature': { outcome: 'suspended', section: '§3.2 cm(5) natureOfOwnership with I' },
  'missing-transaction-code': { outcome: 'suspended', section: '§3.2 transactionCode (mandatory)' },
  'unknown-transaction-code': { outcome: 'suspended', section: '§3.2 TransCodeList' },
  'code-on-form3': { outcome: 'suspended', section: '§3.5 Form 3 holdings carry no transactionCoding' },
  'invalid-date': { outcome: 'suspended', section: '§3.3 date' },
  'missing-signature': { outcome: 'suspended', section: '§3.2 ownerSignature (mandatory)' },
  'relationship-unchecked': { outcome: 'suspended', section: '§3.2 cm(1) one relationship must be true' },
  'officer-title-missing': { outcome: 'suspended', section: '§3.2 cm(2), cm(3) officerTitle, otherText' },
};

/** Rules run by the XML export, not on the text alone (the CIK map is the export's input). */
export const EXPORT_RULES: readonly RuleCode[] = ['edgar-missing-cik'];

export const EDGAR_DEFAULT_SEVERITY: Record<EdgarCode, Severity> = {
  'edgar-too-many-owners': 'error',
  'edgar-too-many-rows': 'error',
  'edgar-too-many-footnotes': 'error',
  'edgar-value-too-long': 'error',
  'edgar-required-value': 'warning',
  'edgar-nature-on-direct': 'warning',
  'edgar-missing-original-date': 'error',
  'edgar-missing-cik': 'warning',
};

export const EDGAR_DESCRIPTIONS: Record<EdgarCode, string> = {
  'edgar-too-many-owners': 'EDGAR: more than 10 reporting owners in one document; split them over several filings (Ownership XML §3.2).',
  'edgar-too-many-rows': 'EDGAR: more than 30 rows in a table or 60 in all; file the rest on another form (Ownership XML §3.2).',
  'edgar-too-many-footnotes': 'EDGAR: more than 99 footnotes, or a footnote number outside 1–99 (Ownership XML §3.4).',
  'edgar-value-too-long': 'EDGAR: a value longer than its element allows, e.g. an officer title over 30 characters (Ownership XML §3.2, §3.3).',
  'edgar-required-value': 'EDGAR: a value the XML requires (title, date, amount, A/D, exercise or expiration date, underlying, period, symbol, 10b5-1 box) is missing and not footnoted (Ownership XML §3.2 cm(8)).',
  'edgar-nature-on-direct': 'EDGAR: a nature of ownership on a direct (D) holding, which EDGAR suspends (Ownership XML §3.5).',
  'edgar-missing-original-date': 'EDGAR: an amendment (/A) without the date the original was filed (Ownership XML §2.4, §3.2).',
  'edgar-missing-cik': 'EDGAR: no CIK for the issuer or a reporting owner in the CIK map (--cik-map, form345.cikMap); the XML leaves it out (Ownership XML §3.2).',
};


/** What each check reports, for the README's table of `edgar-` rules. */
export const EDGAR_DOCS: Record<EdgarCode, string> = {
  'edgar-too-many-owners': 'more than 10 reporting owners; says which to file on a separate form (§3.2)',
  'edgar-too-many-rows': 'more than 30 rows in a table or 60 in all; says which rows go on a second form (§3.2)',
  'edgar-too-many-footnotes': 'more than 99 footnotes, or a number outside 1–99 (§3.4)',
  'edgar-value-too-long': 'longer than the element takes: officer title or other text 30, security title 60, nature 100, footnote 1000, remarks 2000, name 150, street 40, city 30, zip 10, symbol 10 (§3.2, §3.3)',
  'edgar-required-value': 'a value the XML requires is not in the text and no footnote stands in for it: security title, transaction date, amount, (A)/(D), owned following, conversion price, date exercisable, expiration date, underlying title, underlying amount, period of report, trading symbol, the 10b5-1 box on a Form 4/5 signed from 2023-04-01 (§3.2 cm(8))',
  'edgar-nature-on-direct': 'a nature of ownership on a direct (D) row (§3.5)',
  'edgar-missing-original-date': 'an /A without the date the original was filed (§2.4, §3.2)',
  'edgar-missing-cik': 'the CIK map has no CIK for the issuer or an owner; once per document, from the XML export only (§3.2)',
};
