// /account: the signed-in user's linked social accounts, read from window.Clerk.user.externalAccounts.
// Text nodes only (the page runs under Trusted Types). <connected-accounts> manages them; this list shows
// what Clerk itself reports, so the page is useful (and testable) with or without that element.
import { onClerk } from '/demo.js';

function label(account) {
  const provider = typeof account.providerTitle === 'function' ? account.providerTitle() : account.provider;
  const who = (typeof account.accountIdentifier === 'function' ? account.accountIdentifier() : '') || account.emailAddress || account.username || '';
  const status = account.verification?.status;
  const note = status && status !== 'verified' ? ` (${status === 'failed' ? 'needs attention' : status})` : '';
  return `${provider}${who ? ` — ${who}` : ''}${note}`;
}

function render(clerk) {
  const user = clerk?.user ?? null;
  const section = document.getElementById('linked');
  const list = document.getElementById('linked-accounts');
  const none = document.getElementById('linked-none');
  const signIn = document.getElementById('account-sign-in');
  if (signIn) signIn.hidden = !!user;
  if (!section || !list || !none) return;
  section.hidden = !user;
  const accounts = user?.externalAccounts ?? [];
  list.replaceChildren(
    ...accounts.map((account) => {
      const item = document.createElement('li');
      item.dataset.provider = account.provider;
      item.textContent = label(account);
      return item;
    }),
  );
  list.hidden = accounts.length === 0;
  none.hidden = !user || accounts.length > 0;
}

onClerk(render);
