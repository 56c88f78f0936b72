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
  if (signOut) signOut.hidden = !user;
}

let listening = false;
function ready(clerk) {
  render(clerk);
  if (!listening && clerk?.addListener) {
    listening = true;
    clerk.addListener(() => render(clerk));
  }
}

document.addEventListener('clerk-ready', (event) => ready(event.clerk ?? window.Clerk));
document.addEventListener('clerk-error', (event) => {
  const who = document.getElementById('who');
  if (who) {
    who.dataset.state = 'error';
    who.textContent = `Clerk failed to load: ${event.message ?? 'unknown error'}`;
  }
});
// The provider may have finished before this module ran.
if (document.querySelector('clerk-provider')?.getAttribute('status') === 'ready') ready(window.Clerk);

document.getElementById('sign-out')?.addEventListener('click', () => {
  void window.Clerk?.signOut({ redirectUrl: '/' });
});
