/**
 * Sorting and filtering of the data page's table. Rows carry their values as data attributes,
 * so the table works from the HTML alone; without JS it is simply the full, unsorted table.
 */
const table = document.querySelector<HTMLTableElement>('.metrics-table');
const form = document.querySelector<HTMLFormElement>('.table-filters');
if (table && form) {
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  const count = form.querySelector('output')!;

  const applyFilters = () => {
    const want = Object.fromEntries(new FormData(form)) as Record<string, string>;
    let shown = 0;
    for (const r of rows) {
      const ok = ['region', 'topic', 'unit', 'page'].every((k) => !want[k] || r.dataset[k] === want[k]);
      r.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = `${table.dataset.shown} ${shown} ${table.dataset.of} ${rows.length}`;
  };
  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', (e) => e.preventDefault());

  for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
    th.setAttribute('aria-sort', 'none');
    th.querySelector('button')!.addEventListener('click', () => {
      const key = th.dataset.sort!;
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const numeric = th.dataset.type === 'number';
      const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
      rows.sort((a, b) => {
        const x = a.dataset[key] ?? '';
        const y = b.dataset[key] ?? '';
        const c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return ascending ? c : -c;
      });
      body.append(...rows);
    });
  }
}
