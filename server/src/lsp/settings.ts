/**
 * `form345.rules.<code>` settings: the level of each rule (error | warning | information | hint | off).
 *
 * Clients hand settings over in two shapes: pulled with `workspace/configuration` (VS Code, which
 * splits the dotted key, so `rules` arrives as an object keyed by rule code) or pushed inside
 * `workspace/didChangeConfiguration` (Neovim, Helix, which send whatever the user wrote, sometimes
 * with flat dotted keys). Both are accepted; anything unknown is ignored rather than rejected, so a
 * typo in one rule never disables the others.
 */
import { LEDGER_CODES, OCR_DETAILS, parseCikMap, RULE_CODES, type CikMap, type LedgerCode, type OcrDetail, type RuleCode, type RuleLevel } from '../analysis';

export type RuleLevels = Partial<Record<RuleCode | LedgerCode, RuleLevel>>;

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];
// The ledger's findings across filings take levels the same way.
const RULES: ReadonlySet<string> = new Set<string>([...RULE_CODES, ...LEDGER_CODES]);

/** Spellings other tools use for the same levels. */
const ALIASES: Record<string, RuleLevel> = { info: 'information', warn: 'warning', none: 'off', ignore: 'off' };

function toLevel(value: unknown): RuleLevel | undefined {
  if (typeof value === 'boolean') return value ? undefined : 'off';
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (LEVELS as readonly string[]).includes(v) ? (v as RuleLevel) : ALIASES[v];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads rule levels out of the `form345` section, whichever shape it has:
 * `{ rules: { "late-filing": "off" } }` or `{ "rules.late-filing": "off" }`.
 */
export function parseRuleLevels(section: unknown): RuleLevels {
  const levels: RuleLevels = {};
  if (!isObject(section)) return levels;
  const set = (code: string, value: unknown): void => {
    const level = toLevel(value);
    if (RULES.has(code) && level) levels[code as RuleCode | LedgerCode] = level;
  };
  if (isObject(section.rules)) {
    for (const [code, value] of Object.entries(section.rules)) set(code, value);
  }
  for (const [key, value] of Object.entries(section)) {
    if (key.startsWith('rules.')) set(key.slice('rules.'.length), value);
  }
  return levels;
}

/** Finds the `form345` section inside a `didChangeConfiguration` payload (nested or flat keys). */
export function sectionFromPushedSettings(settings: unknown): unknown {
  if (!isObject(settings)) return undefined;
  if (isObject(settings.form345)) return settings.form345;
  const flat: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(settings)) {
    if (key.startsWith('form345.')) {
      flat[key.slice('form345.'.length)] = value;
      any = true;
    }
  }
  return any ? flat : undefined;
}

/**
 * `form345.ocrDetail` out of the `form345` section: `line` (one hint per damaged line, the
 * default) or `word` (one per damaged word). Anything else is the default.
 */
export function parseOcrDetail(section: unknown): OcrDetail {
  const v = isObject(section) ? section.ocrDetail : undefined;
  const t = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return (OCR_DETAILS as readonly string[]).includes(t) ? (t as OcrDetail) : 'line';
}

/**
 * The rule levels in force; replaced wholesale when a configuration change changes them, and kept
 * (the same object) when it does not, so the diagnostics converter keeps its memory.
 */
export class Settings {
  private levels: RuleLevels = {};
  private detail: OcrDetail = 'line';
  private ciks: CikMap = new Map();
  private ciksKey = '[]';

  get ruleLevels(): RuleLevels {
    return this.levels;
  }

  /** How OCR damage is reported (`form345.ocrDetail`). */
  get ocrDetail(): OcrDetail {
    return this.detail;
  }

  /** `form345.cikMap`: names and trading symbols to CIKs, for the EDGAR XML (bad entries left out). */
  get cikMap(): CikMap {
    return this.ciks;
  }

  /** Returns true when the levels, the OCR detail or the CIK map actually changed (so diagnostics need re-publishing). */
  update(section: unknown): boolean {
    const next = parseRuleLevels(section);
    const changed = JSON.stringify(next) !== JSON.stringify(this.levels);
    if (changed) this.levels = next;
    const detail = parseOcrDetail(section);
    const detailChanged = detail !== this.detail;
    this.detail = detail;
    const raw = isObject(section) ? (section.cikMap ?? section['cikMap']) : undefined;
    const ciks = isObject(raw) ? parseCikMap(raw).map : new Map<string, string>();
    const key = JSON.stringify([...ciks]);
    if (key !== this.ciksKey) {
      this.ciks = ciks;
      this.ciksKey = key;
      // The preview's EDGAR verdict depends on the map.
      return true;
    }
    return changed || detailChanged;
  }
}
