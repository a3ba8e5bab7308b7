// A table's scroll container (TableScrollTagHelper) is in the tab order only while the table is wider than it, so
// keyboard users can scroll a wide table at 320 px or 400% zoom without an extra tab stop on every table that fits.
// Without JavaScript every container stays focusable.
function fit(container) {
  if (container.scrollWidth > container.clientWidth + 1) {
    container.setAttribute('tabindex', '0');
  } else {
    container.removeAttribute('tabindex');
  }
}

export function tableScroll() {
  const containers = [...document.querySelectorAll('.app-table-scroll')];
  containers.forEach(fit);
  if (containers.length > 0 && 'ResizeObserver' in window) {
    const observer = new ResizeObserver(entries => entries.forEach(e => fit(e.target)));
    containers.forEach(c => observer.observe(c));
  }
}
