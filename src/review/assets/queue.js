// The queue page: j/k or arrows move the selection, Enter opens the report; the filter applies on change.
const rows = [...document.querySelectorAll('#queue tbody tr')];
let at = Math.max(0, rows.findIndex((r) => r.classList.contains('selected')));

function select(n) {
  if (rows.length === 0) return;
  rows[at]?.classList.remove('selected');
  at = Math.min(rows.length - 1, Math.max(0, n));
  rows[at].classList.add('selected');
  rows[at].scrollIntoView({ block: 'nearest' });
}

rows.forEach((row, n) => row.addEventListener('click', () => select(n)));

document.addEventListener('keydown', (e) => {
  if (e.target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'j' || e.key === 'ArrowDown') select(at + 1);
  else if (e.key === 'k' || e.key === 'ArrowUp') select(at - 1);
  else if (e.key === 'Enter' && rows[at]) location.href = rows[at].dataset.href;
  else return;
  e.preventDefault();
});

for (const el of document.querySelectorAll('form.filter select')) el.addEventListener('change', () => el.form.submit());
