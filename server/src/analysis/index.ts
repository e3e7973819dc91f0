/**
 * Public face of the analysis pipeline: text → blocks → filing model → records + findings.
 * Imports neither `vscode` nor the LSP connection; the server, the CLI and the tests share it.
 */
export * from './types';
export { analyze, IncrementalAnalyzer, parseIsoDay } from './document';
export type { AnalysisStep, ContentChange, FilingOffload } from './document';
export { applyRuleLevels, DEFAULT_SEVERITY, RULE_DESCRIPTIONS } from './rules/levels';
export { groupOcr, groupOcrByLine, ocrFilingFinding, ocrLineFinding, OCR_DETAILS, type OcrDetail, type OcrMerge } from './rules/ocr-text';
export { ownershipXml } from './edgar/xml';
export { exportFiling, isEdgarCheck, type EdgarExport, type ExportOptions } from './edgar/export';
export { parseCikMap, lookupCik, type CikMap } from './edgar/cikMap';
export { EDGAR_CHECKS, EXPORT_RULES } from './edgar/codes';
