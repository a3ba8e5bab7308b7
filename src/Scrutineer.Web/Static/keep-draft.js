// Keeps what someone types into a form marked data-keep-draft, so that text typed before a session ran out is not lost
// at sign-in: it is held in this tab's sessionStorage (never localStorage: it goes when the tab closes, and signing out
// clears it), under the account and the page, and put back when the same account opens the same page again — but only
// if the record has not been saved since (the form's Version is the one the text was typed against), and only if it
// differs from what the page now shows. A banner says so and offers to discard it.
const prefix = 'scrutineer-draft:';

function fieldsOf(form) {
  return [...form.querySelectorAll('textarea[name], input[type=radio][name], input[type=text][name]')];
}

function valuesOf(form) {
  const values = {};
  for (const f of fieldsOf(form)) {
    if (f.type === 'radio') {
      if (f.checked) values[f.name] = f.value;
    } else {
      values[f.name] = f.value;
    }
  }
  return values;
}

function same(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  }
  return true;
}

function restore(form, values) {
  for (const f of fieldsOf(form)) {
    if (!(f.name in values)) continue;
    if (f.type === 'radio') {
      f.checked = f.value === values[f.name];
    } else {
      f.value = values[f.name];
    }
  }
}

function banner(form, onDiscard) {
  const box = document.createElement('div');
  box.className = 'govuk-notification-banner';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', 'kept-draft-title');
  box.id = 'kept-draft';
  box.innerHTML = '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="kept-draft-title">Important</h2></div>'
    + '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your unsaved text has been put back</p>'
    + '<p class="govuk-body">You left this page, or were signed out, before saving. The text you typed is back in the form below. It is not saved until you save it.</p>'
    + '<button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Discard it and show the saved text</button></div>';
  box.querySelector('button').addEventListener('click', onDiscard);
  form.parentNode.insertBefore(box, form);
  box.setAttribute('tabindex', '-1');
  box.focus();
}

export function keepDrafts() {
  const forms = document.querySelectorAll('form[data-keep-draft]');
  if (forms.length > 0) {
    // Another account's unsaved text never stays in a tab this account is using.
    const own = prefix + forms[0].dataset.keepDraft + ':';
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k?.startsWith(prefix) && !k.startsWith(own)) sessionStorage.removeItem(k);
    }
  }

  for (const form of forms) {
    const key = prefix + form.dataset.keepDraft + ':' + location.pathname;
    const version = form.querySelector('input[name=Version]')?.value ?? '';
    const shown = valuesOf(form);
    let kept = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    } catch {
      kept = null;
    }

    if (kept && kept.version === version && !same(kept.values, shown)) {
      restore(form, kept.values);
      banner(form, () => {
        sessionStorage.removeItem(key);
        restore(form, shown);
        document.getElementById('kept-draft')?.remove();
      });
    } else {
      sessionStorage.removeItem(key);
    }

    const save = () => {
      const values = valuesOf(form);
      if (same(values, shown)) {
        sessionStorage.removeItem(key);
      } else {
        sessionStorage.setItem(key, JSON.stringify({ version, values }));
      }
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  }

  for (const signOut of document.querySelectorAll('form[data-sign-out]')) {
    signOut.addEventListener('submit', () => {
      for (let i = sessionStorage.length - 1; i >= 0; i--) {
        const k = sessionStorage.key(i);
        if (k?.startsWith(prefix)) sessionStorage.removeItem(k);
      }
    });
  }
}
