import { initAll } from '/govuk/govuk-frontend.min.js';
import { keepDrafts } from '/keep-draft.js';
import { tableScroll } from '/table-scroll.js';
initAll();
keepDrafts();
tableScroll();
