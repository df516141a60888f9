// The review desk's script (served as is: no build step). Without it every action is a plain form
// post; with it each row group (source lines, figures, chapters) is one tab stop moved with the
// arrow keys, every action has a key (the help lists them, each button says its key), a form is
// sent with fetch and the page's <main> replaced, and focus goes back to the row it left from.

const GROUPS = {
  source: 'table.lines tbody tr',
  figures: 'table.figures tbody tr',
  chapters: '#chapters article.chapter',
};
const ROW = Object.values(GROUPS).join(', ');

/** @param {Element | null} el */
const groupOf = (el) => Object.keys(GROUPS).find((g) => el?.matches(GROUPS[g])) ?? null;
/** @param {string} g */
const rowsOf = (g) => [...document.querySelectorAll(GROUPS[g])];

/** Marks a row as its group's current one (the group's one tab stop); a source line fills the line tools. */
function select(row) {
  const g = groupOf(row);
  if (!g) return;
  for (const r of rowsOf(g)) {
    r.tabIndex = r === row ? 0 : -1;
    if (r === row) r.setAttribute('aria-current', 'true');
    else r.removeAttribute('aria-current');
  }
  if (g === 'source') {
    const tools = document.getElementById('line-tools');
    tools.elements.line.value = row.dataset.line;
    tools.elements.focus.value = row.id;
  }
}

function focusRow(row) {
  select(row);
  row.focus();
}

/** The current row of a group: the one that is its tab stop. */
const currentOf = (g) => rowsOf(g).find((r) => r.tabIndex === 0) ?? rowsOf(g)[0];

let pending = null;

/** Sends a form with fetch and puts the answer in place, focus where it was. */
async function send(form, submitter) {
  const data = new URLSearchParams(new FormData(form, submitter ?? undefined));
  const active = document.activeElement;
  const row = active?.closest(ROW);
  const focusId = row?.id ?? data.get('focus') ?? '';
  const group = groupOf(row ?? document.getElementById(focusId));
  const index = group ? rowsOf(group).indexOf(row ?? document.getElementById(focusId)) : -1;
  if (data.has('focus')) data.set('focus', focusId);
  // form.action would be the form's buttons named "action": read the attributes.
  const get = form.getAttribute('method').toLowerCase() === 'get';
  const url = form.getAttribute('action');
  const response = await fetch(get ? `${url}?${data}` : url, {
    method: get ? 'GET' : 'POST',
    headers: get ? { 'x-desk-fetch': '1' } : { 'content-type': 'application/x-www-form-urlencoded', 'x-desk-fetch': '1' },
    body: get ? undefined : data,
  });
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const main = doc.querySelector('main');
  if (!main) {
    document.getElementById('problem').textContent = `${response.status}: ${doc.body.textContent.trim()}`;
    return;
  }
  document.querySelector('main').replaceWith(main);
  document.title = doc.title;
  for (const id of ['announce', 'problem']) {
    const live = document.getElementById(id);
    live.textContent = '';
    live.textContent = doc.getElementById(id)?.textContent ?? '';
  }
  pending = null;
  if (get) return document.getElementById('release-result')?.focus();
  const again = document.getElementById(focusId);
  const fallback = group ? (rowsOf(group)[Math.min(index, rowsOf(group).length - 1)] ?? null) : null;
  const target = again ?? fallback;
  if (target?.matches(ROW)) focusRow(target);
  else (target ?? document.getElementById('main')).focus();
  document.body.dataset.saved = String(Number(document.body.dataset.saved ?? 0) + 1);
}

/** Presses a form's button (by its action), as the keys do. */
function press(root, action) {
  const button = root?.querySelector(`button[name="action"][value="${action}"]`);
  if (button && !button.disabled) button.form.requestSubmit(button);
}

function lineAction(action) {
  press(document.getElementById('line-tools'), action);
}

const KEYS_SOURCE = { h: 'headline', c: 'caption', b: 'body', p: 'paragraph-end', j: 'join', a: 'confirm-entry', A: 'confirm-entries' };

function onKey(e) {
  const t = e.target;
  if (e.key === 'Escape') {
    const details = t.closest?.('details.edit');
    if (details) {
      details.open = false;
      focusRow(details.closest(ROW));
    } else if (pending) {
      pending = null;
      focusRow(currentOf('source'));
    }
    return;
  }
  if (t.matches?.('input, select, textarea')) {
    if (e.key === 'Enter' && t.id === 'region-field' && pending) {
      e.preventDefault();
      lineAction(pending);
    } else if (e.key === 'Enter' && t.matches('select') && t.form?.classList.contains('edit-form')) {
      e.preventDefault();
      press(t.form, 'figure');
    }
    return;
  }
  if (e.altKey || e.metaKey) return;
  if (e.ctrlKey) {
    if (e.key === 'z') {
      e.preventDefault();
      press(document.getElementById('status'), 'undo');
    }
    return;
  }
  const row = t.closest?.(ROW);
  const group = groupOf(row);
  if (row && ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
    const rows = rowsOf(group);
    const i = rows.indexOf(row);
    const next = { ArrowDown: rows[i + 1], ArrowUp: rows[i - 1], Home: rows[0], End: rows.at(-1) }[e.key];
    e.preventDefault();
    if (next) focusRow(next);
    return;
  }
  const jump = { 1: 'source', 2: 'figures', 3: 'chapters' }[e.key];
  if (jump) {
    e.preventDefault();
    const r = currentOf(jump);
    if (r) focusRow(r);
    return;
  }
  if (e.key === '4') return document.getElementById('status').focus();
  if (e.key === '?') {
    const help = document.getElementById('help');
    help.open = !help.open;
    return help.querySelector('summary').focus();
  }
  if (e.key === 'u') return press(document.getElementById('status'), 'undo');
  if (e.key === 'R') return document.getElementById('check-release').click();
  if (group === 'source') {
    if (KEYS_SOURCE[e.key]) {
      e.preventDefault();
      return lineAction(KEYS_SOURCE[e.key]);
    }
    if (e.key === 's' || e.key === 'g') {
      e.preventDefault();
      pending = e.key === 's' ? 'split' : 'place';
      return document.getElementById('region-field').focus();
    }
  }
  if (group === 'figures') {
    if (e.key === 'e') {
      e.preventDefault();
      const details = row.querySelector('details.edit');
      details.open = true;
      return details.querySelector('select, input:not([type="hidden"])').focus();
    }
    if (e.key === 'n') return press(row, 'not-figure');
    if (e.key === 'a') return press(row, 'confirm-figure');
    if (e.key === 'A') return press(document.getElementById('figures'), 'confirm-figures');
  }
  if (group === 'chapters') {
    if (e.key === 'a') return press(row, 'confirm-chapter');
    if (e.key === 'A') return press(document.getElementById('chapters'), 'confirm-chapters');
  }
}

document.addEventListener('keydown', onKey);
document.addEventListener('focusin', (e) => {
  const row = e.target.closest?.(ROW);
  if (row && e.target === row) select(row);
});
document.addEventListener('click', (e) => {
  const row = e.target.closest?.(ROW);
  if (row && !e.target.closest('a, button, summary, input, select, label')) focusRow(row);
});
document.addEventListener('submit', (e) => {
  e.preventDefault();
  send(e.target, e.submitter).catch((error) => {
    document.getElementById('problem').textContent = String(error);
  });
});
// A row named in the address (a release blocker's link, a redirect after a save) is focused.
const named = location.hash ? document.getElementById(location.hash.slice(1)) : null;
if (named?.matches(ROW)) focusRow(named);
window.addEventListener('hashchange', () => {
  const row = document.getElementById(location.hash.slice(1));
  if (row?.matches(ROW)) focusRow(row);
});
document.documentElement.dataset.desk = 'ready';
