// Shared by every demo page. No innerHTML: text only (the pages run under Trusted Types).

// Elements whose issue has not landed yet: show the page's note instead of an empty space.
for (const note of document.querySelectorAll('[data-pending]')) {
  note.hidden = customElements.get(note.dataset.pending) !== undefined;
}

function describe(user) {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username || user.id;
  const email = user.primaryEmailAddress?.emailAddress;
  return email ? `${name} (${email})` : name;
}

function render(clerk) {
  const user = clerk?.user ?? null;
  const who = document.getElementById('who');
  if (who) {
    who.dataset.state = user ? 'signed-in' : 'signed-out';
    who.textContent = user ? `Signed in as ${describe(user)}` : 'You are signed out.';
  }
  const action = document.getElementById('home-action');
  if (action) {
    action.textContent = user ? 'Manage your account' : 'Sign in';
    action.setAttribute('href', user ? '/account' : '/sign-in');
  }
  const signOut = document.getElementById('sign-out');
  // clerk-js drops the user locally before its sign-out request answers: keep the busy button in view.
  if (signOut) signOut.hidden = !user && signOut.getAttribute('aria-disabled') !== 'true';
}

/** Calls `render(clerk)` once Clerk is ready (also when it already was) and on every change Clerk reports. */
export function onClerk(render) {
  let listening = false;
  const ready = (clerk) => {
    render(clerk);
    if (!listening && clerk?.addListener) {
      listening = true;
      clerk.addListener(() => render(clerk));
    }
  };
  document.addEventListener('clerk-ready', (event) => ready(event.clerk ?? window.Clerk));
  // The provider may have finished before the calling module ran.
  if (document.querySelector('clerk-provider')?.getAttribute('status') === 'ready') ready(window.Clerk);
}

onClerk(render);
document.addEventListener('clerk-error', (event) => {
  const who = document.getElementById('who');
  if (who) {
    who.dataset.state = 'error';
    who.textContent = `Clerk failed to load: ${event.message ?? 'unknown error'}`;
  }
});

async function restoreSession(clerk) {
  try {
    const client = await clerk.client?.reload();
    const id = client?.lastActiveSessionId;
    if (id && !clerk.user) await clerk.setActive({ session: id });
  } catch {
    // Offline as well: the page shows what clerk-js knows; a reload will tell the truth.
  }
}

// Sign-out: busy while Clerk works (no double submit); a failure is announced and the button comes back.
document.getElementById('sign-out')?.addEventListener('click', async (event) => {
  const button = event.currentTarget;
  const error = document.getElementById('sign-out-error');
  if (button.getAttribute('aria-disabled') === 'true' || !window.Clerk) return;
  button.setAttribute('aria-disabled', 'true');
  button.textContent = 'Signing out…';
  if (error) error.hidden = true;
  try {
    await window.Clerk.signOut({ redirectUrl: '/' });
  } catch (e) {
    // clerk-js forgets the session locally before the request; the server still has it, so take it back.
    await restoreSession(window.Clerk);
    const detail = String(e?.errors?.[0]?.longMessage ?? e?.errors?.[0]?.message ?? e?.message ?? 'unknown error').replace(/\.$/, '');
    if (error) {
      error.textContent = `Sign-out failed: ${detail}. Please try again.`;
      error.hidden = false;
    }
    button.removeAttribute('aria-disabled');
    button.textContent = 'Sign out';
    button.focus();
  }
});
