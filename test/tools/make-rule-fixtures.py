#!/usr/bin/env python3
"""Writes fixtures/rules/: one filing per rule that must raise exactly that rule (positive), and
near misses that must raise nothing (negative), each made from clean.form4.txt by a few edits.
Run from the repo root: python3 test/tools/make-rule-fixtures.py"""
import json, pathlib

DIR = pathlib.Path('fixtures/rules')
base = (DIR / 'clean.form4.txt').read_text()

def edit(*pairs):
    text = base
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text

M_ROW = 'Common Stock\t03/02/2021\t\tM\t\t10,000\tA\t$ 4.50\t25,000\tD\t'
S_ROW = 'Common Stock\t03/02/2021\t\tS\t\t4,000\tD\t$ 31.20 (1)\t21,000\tD\t'
TRUST_ROW = 'Common Stock\t\t\t\t\t\t\t5,500\tI\tBy Trust (2)'
OPTION_ROW = 'Stock Option (Right to Buy)\t$ 4.50\t03/02/2021\t\tM\t\t\t10,000\t03/15/2019\t03/15/2028\tCommon Stock\t10,000\t$ 0\t30,000\tD\t'
SIGNED = '/s/ Ana M. Rivera\t03/03/2021'
REL = 'Director 10% Owner X Officer (give title below) Other (specify below) Chief Financial Officer'
FN2 = '(2) Held by the Rivera Family Trust, of which the reporting person is trustee.'

positive = {
    'unknown-transaction-code': edit((S_ROW, S_ROW.replace('\tS\t', '\tB\t'))),
    'missing-transaction-code': edit((S_ROW, S_ROW.replace('\tS\t', '\t\t'))),
    'acquired-disposed-mismatch': edit((S_ROW, S_ROW.replace('\tD\t$', '\tA\t$').replace('21,000', '29,000'))),
    'invalid-date': edit((S_ROW, S_ROW.replace('03/02/2021', '03/32/2021'))),
    'date-order': edit((OPTION_ROW, OPTION_ROW.replace('03/15/2028', '03/15/2018'))),
    'missing-price': edit((S_ROW, S_ROW.replace('$ 31.20 (1)', '(1)').replace('(1)', '', 1)),
                          ('(1) The price reported is a weighted average price. The shares were sold in multiple transactions at prices ranging from $31.05 to $31.40, inclusive.\n', '')),
    'holding-arithmetic': edit((S_ROW, S_ROW.replace('21,000', '20,000'))),
    'missing-ownership-form': edit((S_ROW, S_ROW.replace('21,000\tD\t', '21,000\t\t'))),
    'indirect-without-nature': edit((TRUST_ROW, 'Common Stock\t\t\t\t\t\t\t5,500\tI\t(2)')),
    'undefined-footnote': edit((M_ROW, M_ROW.replace('$ 4.50', '$ 4.50 (3)'))),
    'unused-footnote': edit((FN2, FN2 + '\n(3) This footnote is not referenced from any cell.')),
    'duplicate-footnote': edit((FN2, FN2 + '\n(2) A second definition of the same number.')),
    'late-filing': edit((SIGNED, '/s/ Ana M. Rivera\t03/12/2021')),
    'missing-signature': edit((SIGNED, 'Ana M. Rivera')),
    'relationship-unchecked': edit((REL, 'Director 10% Owner Officer (give title below) Other (specify below)')),
    'officer-title-missing': edit((REL, 'Director 10% Owner X Officer (give title below) Other (specify below)')),
    'ocr-text': edit(('Washington, D.C. 20549', 'Washington, D.C. 20549\n\nOMB APPROVAL\nDMB Number: 3235-0287')),
    # A date in a cell past the row's last column: no column takes it.
    'unread-text': edit((M_ROW, M_ROW + '\t03/05/2021')),
}
positive['no-rows'] = edit((M_ROW + '\n', ''), (S_ROW + '\n', ''), (TRUST_ROW + '\n', ''), (OPTION_ROW + '\n', ''),
                           ('(1) The price reported is a weighted average price. The shares were sold in multiple transactions at prices ranging from $31.05 to $31.40, inclusive.\n', ''), (FN2 + '\n', ''))
form3 = (base.replace('FORM 4', 'FORM 3', 1)
         .replace('STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES', 'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES')
         .replace('[ ] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).\n', '')
         .replace('2. Issuer Name and Ticker or Trading Symbol', '3. Issuer Name and Ticker or Trading Symbol')
         .replace('3. Date of Earliest Transaction (Month/Day/Year)', '2. Date of Event Requiring Statement (Month/Day/Year)')
         .replace('5. Relationship', '4. Relationship').replace('4. If Amendment', '5. If Amendment'))
positive['code-on-form3'] = form3

# EDGAR's acceptance checks (server/src/analysis/edgar/rules.ts).
OWNERS_HEAD = 'Reporting Owners\nReporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther\n'
owner_rows = ''.join(f'Fund {chr(65 + i)} LP 100 MAIN ST BOSTON, MA 02110\t\tX\t\t\n' for i in range(11))
positive['edgar-too-many-owners'] = edit((REL, REL.replace('Director 10% Owner X Officer', 'Director X 10% Owner Officer').replace(' Chief Financial Officer', '')),
                                         ('X Form filed by One Reporting Person Form filed by More than One Reporting Person', 'Form filed by One Reporting Person X Form filed by More than One Reporting Person'),
                                         ('Remarks:\n', 'Remarks:\n\n' + OWNERS_HEAD + owner_rows))
positive['edgar-too-many-rows'] = edit((TRUST_ROW + '\n', (TRUST_ROW + '\n') * 29))
positive['edgar-too-many-footnotes'] = edit((M_ROW, M_ROW.replace('$ 4.50', '$ 4.50 (0)')), (FN2, FN2 + '\n(0) Numbered zero by mistake.'))
positive['edgar-value-too-long'] = edit((REL, REL.replace('Chief Financial Officer', 'Executive Vice President, Chief Financial Officer and Treasurer')))
positive['edgar-required-value'] = edit((OPTION_ROW, OPTION_ROW.replace('03/15/2028', '')))
positive['edgar-nature-on-direct'] = edit((M_ROW, M_ROW.replace('25,000\tD\t', '25,000\tD\tBy Spouse')))
positive['edgar-missing-original-date'] = edit(('FORM 4', 'FORM 4/A'))

negative = {
    # A grant at $0 and a gift disposed of at $0 are normal, not missing prices.
    'price-zero': edit((S_ROW, 'Common Stock\t03/02/2021\t\tG\t\t4,000\tD\t$ 0 (1)\t21,000\tD\t')),
    # A price given only by footnote is allowed.
    'price-footnoted': edit((S_ROW, S_ROW.replace('$ 31.20 (1)', '(1)'))),
    # Signed on the second business day after the transaction (a Friday after a Wednesday).
    'signed-on-time': edit((SIGNED, '/s/ Ana M. Rivera\t03/04/2021')),
    # Amendments are not late filings.
    'amendment-late': edit(('FORM 4', 'FORM 4/A'), ('4. If Amendment, Date Original Filed (Month/Day/Year)', '4. If Amendment, Date Original Filed (Month/Day/Year) 03/03/2021'), (SIGNED, '/s/ Ana M. Rivera\t04/20/2021')),
    # I and W take either direction.
    'either-direction': edit((S_ROW, S_ROW.replace('\tS\t', '\tW\t'))),
    # The exit box checked: a Form 4 with no rows is allowed.
    'exit-no-rows': positive['no-rows'].replace('[ ] Check this box if no longer', '[X] Check this box if no longer'),
}

for name, text in positive.items():
    (DIR / f'{name}.txt').write_text(text)
for name, text in negative.items():
    (DIR / f'ok-{name}.txt').write_text(text)
manifest = {'positive': {f'{k}.txt': k for k in positive}, 'negative': [f'ok-{k}.txt' for k in negative] + ['clean.form4.txt']}
(DIR / 'manifest.json').write_text(json.dumps(manifest, indent=2) + '\n')
print(f'{len(positive)} positive, {len(negative) + 1} negative fixtures')
