// /account: <connected-accounts> manages the linked social accounts. Next to it, the server recipe: for each
// connected account, what the demo's /api/provider-profile route (written with @clerk/backend) reads from the
// provider's API with the user's OAuth token. Text nodes only (the page runs under Trusted Types).
import { onClerk } from '/demo.js';

const shown = new Map();

async function readProfile(provider) {
  const response = await fetch(`/api/provider-profile?provider=${encodeURIComponent(provider)}`, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) return `${response.status}: ${body.message ?? body.error ?? 'no answer'}`;
  const profile = body.profile ?? {};
  const who = profile.email ?? profile.username ?? profile.login ?? profile.id ?? 'someone';
  return `${who} (scopes: ${(body.scopes ?? []).join(' ') || 'none'})`;
}

function render(clerk) {
  const section = document.getElementById('provider-profiles');
  const list = document.getElementById('profiles');
  if (!section || !list) return;
  const providers = (clerk?.user?.externalAccounts ?? []).filter((a) => a.verification?.status === 'verified').map((a) => a.provider);
  section.hidden = providers.length === 0;
  const key = providers.join(' ');
  if (list.dataset.providers === key) return;
  list.dataset.providers = key;
  list.replaceChildren(
    ...providers.map((provider) => {
      const item = document.createElement('li');
      item.dataset.provider = provider;
      item.dataset.state = 'loading';
      item.textContent = `${provider}: reading…`;
      const pending = shown.get(provider) ?? readProfile(provider);
      shown.set(provider, pending);
      pending.then(
        (text) => {
          item.textContent = `${provider}: ${text}`;
          item.dataset.state = 'done';
        },
        () => {
          shown.delete(provider);
          item.textContent = `${provider}: the server route could not be reached.`;
          item.dataset.state = 'error';
        },
      );
      return item;
    }),
  );
}

onClerk(render);
