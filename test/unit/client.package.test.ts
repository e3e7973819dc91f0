import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { LEDGER_CODES, RULE_CODES } from '../../server/src/analysis/types';
import { DEFAULT_SEVERITY } from '../../server/src/analysis/rules/levels';

const ROOT = join(__dirname, '..', '..');

interface Command {
  command: string;
  title?: string;
  category?: string;
}
interface Setting {
  type?: string;
  enum?: string[];
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}
interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: { supported: unknown; description?: string } };
  contributes: {
    languages: Array<{ id: string; extensions?: string[]; configuration?: string }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    commands: Command[];
    menus: Record<string, Array<{ command: string; when?: string; alt?: string }>>;
    keybindings: Array<{ command: string; key: string; when?: string }>;
    configuration: { properties: Record<string, Setting> };
  };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const c = pkg.contributes;
const settings = c.configuration.properties;

/** Command ids the client registers, read from its sources. */
function registeredCommands(): string[] {
  const ids: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/registerCommand\(\s*'([^']+)'/g)) ids.push(m[1]!);
      }
    }
  };
  walk(join(ROOT, 'client', 'src'));
  return ids.sort();
}

describe('package.json contributions', () => {
  test('every contributed command has a title and category, and is registered by the client', () => {
    const registered = registeredCommands();
    for (const cmd of c.commands) {
      assert.ok(cmd.title && cmd.title.length > 3, `${cmd.command} has a title`);
      assert.equal(cmd.category, 'Form 345', `${cmd.command} category`);
      assert.ok(registered.includes(cmd.command), `${cmd.command} is registered`);
    }
    assert.deepEqual(c.commands.map((x) => x.command).sort(), registered);
  });

  test('the commands of the issue exist', () => {
    const ids = c.commands.map((x) => x.command);
    for (const id of ['form345.openPreview', 'form345.openPreviewToSide', 'form345.exportJson', 'form345.exportCsv', 'form345.showCodeReference']) {
      assert.ok(ids.includes(id), id);
    }
  });

  test('menus and keybindings name contributed commands', () => {
    const ids = new Set(c.commands.map((x) => x.command));
    for (const [menu, items] of Object.entries(c.menus)) {
      for (const item of items) {
        assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
        if (item.alt) assert.ok(ids.has(item.alt), `${menu}: ${item.alt}`);
      }
    }
    assert.ok(c.menus['editor/title']!.some((m) => m.when?.includes('editorLangId == form345')));
    for (const k of c.keybindings) {
      assert.ok(ids.has(k.command), k.command);
      assert.ok(k.when?.includes('editorLangId == form345'), `${k.key} only in filings`);
    }
    assert.ok(c.keybindings.some((k) => k.command === 'form345.openPreview' && k.key === 'ctrl+shift+v'));
    assert.ok(c.keybindings.some((k) => k.command === 'form345.openPreviewToSide' && k.key === 'ctrl+k v'));
  });

  test('every rule code has a setting with its default level', () => {
    for (const code of RULE_CODES) {
      const s = settings[`form345.rules.${code}`];
      assert.ok(s, `form345.rules.${code} exists`);
      assert.equal(s.default, DEFAULT_SEVERITY[code], `${code} default`);
      assert.deepEqual(s.enum, ['error', 'warning', 'information', 'hint', 'off'], `${code} levels`);
      assert.ok((s.markdownDescription ?? s.description ?? '').length > 10, `${code} described`);
    }
    // The ledger's findings across filings take levels the same way.
    for (const code of LEDGER_CODES) assert.ok(settings[`form345.rules.${code}`]?.enum?.includes('off'), `form345.rules.${code} exists`);
    const ruleSettings = Object.keys(settings).filter((k) => k.startsWith('form345.rules.'));
    assert.equal(ruleSettings.length, RULE_CODES.length + LEDGER_CODES.length, 'no setting for a rule that does not exist');
  });

  test('every setting has a description; the other settings of the issue exist', () => {
    for (const [key, s] of Object.entries(settings)) {
      assert.ok(key.startsWith('form345.'), key);
      assert.ok((s.markdownDescription ?? s.description ?? '').length > 10, `${key} described`);
    }
    assert.equal(settings['form345.detectFilings']?.default, true);
    assert.equal(settings['form345.preview.showFindings']?.default, true);
    assert.deepEqual(settings['form345.trace.server']?.enum, ['off', 'messages', 'verbose']);
  });

  test('language, grammar, activation and capabilities', () => {
    const lang = c.languages.find((l) => l.id === 'form345');
    assert.deepEqual(lang?.extensions?.sort(), ['.filing', '.form3', '.form4', '.form5']);
    assert.ok(lang?.configuration && existsSync(join(ROOT, lang.configuration)));
    const grammar = c.grammars.find((g) => g.language === 'form345');
    assert.equal(grammar?.scopeName, 'text.form345');
    assert.ok(grammar && existsSync(join(ROOT, grammar.path)));
    for (const e of ['onLanguage:form345', 'onLanguage:plaintext', 'onLanguage:markdown', 'onWebviewPanel:form345.preview']) {
      assert.ok(pkg.activationEvents.includes(e), e);
    }
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(['limited', false].includes(pkg.capabilities.virtualWorkspaces.supported as string | boolean));
    assert.ok(pkg.capabilities.virtualWorkspaces.description);
  });

  test('the webview assets exist', () => {
    assert.ok(existsSync(join(ROOT, 'media', 'preview.js')));
    assert.ok(existsSync(join(ROOT, 'media', 'preview.css')));
  });
});
