// README's status table is the contract pages rely on: it must say what the code does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { STATUS_MEANINGS } from '../../src/status.js';
import { PROVIDER_STATUSES } from '../../src/context.js';
import { OAUTH_BUTTONS_STATUSES } from '../../src/elements/oauth-buttons/oauth-buttons.js';
import { SSO_CALLBACK_STATUSES } from '../../src/elements/sso-callback/sso-callback.js';
import { CONTINUE_SIGNUP_STATUSES } from '../../src/elements/continue-signup/continue-signup.js';
import { CONNECTED_ACCOUNTS_STATUSES } from '../../src/elements/connected-accounts/connected-accounts.js';

const ELEMENTS: Record<string, readonly string[]> = {
  'clerk-provider': PROVIDER_STATUSES,
  'oauth-buttons': OAUTH_BUTTONS_STATUSES,
  'sso-callback': SSO_CALLBACK_STATUSES,
  'continue-signup': CONTINUE_SIGNUP_STATUSES,
  'connected-accounts': CONNECTED_ACCOUNTS_STATUSES,
};

function statusTable(): Array<{ word: string; meaning: string; usedBy: string[] }> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- status-table[^>]*-->([\s\S]*?)<!-- \/status-table -->/.exec(readme);
  assert.ok(block, 'README has a status table between <!-- status-table --> markers');
  return block[1]!
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [word, meaning, usedBy] = line.split('|').slice(1, 4).map((cell) => cell.trim());
      return { word: word!.replace(/`/g, ''), meaning: meaning!, usedBy: usedBy!.split(',').map((tag) => tag.trim()) };
    });
}

it('lists every word of the vocabulary, once, with the meaning the code has', () => {
  const rows = statusTable();
  assert.deepEqual(rows.map((r) => r.word), Object.keys(STATUS_MEANINGS));
  for (const row of rows) assert.equal(row.meaning, STATUS_MEANINGS[row.word as keyof typeof STATUS_MEANINGS], row.word);
});

it('says which elements use each word, exactly as their status lists do', () => {
  for (const row of statusTable()) {
    const users = Object.entries(ELEMENTS).filter(([, list]) => list.includes(row.word)).map(([tag]) => tag);
    assert.deepEqual(row.usedBy, users, row.word);
  }
});

it('uses no status word outside the vocabulary', () => {
  for (const [tag, list] of Object.entries(ELEMENTS)) {
    assert.ok(list.length > 0, tag);
    for (const word of list) assert.ok(word in STATUS_MEANINGS, `${tag}: ${word}`);
  }
});
