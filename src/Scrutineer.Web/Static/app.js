import { initAll } from '/govuk/govuk-frontend.min.js';
import { keepDrafts } from '/keep-draft.js';
initAll();
keepDrafts();
