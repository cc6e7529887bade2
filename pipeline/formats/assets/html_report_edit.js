// Edit mode of the report: a committee corrects each recommendation's lead and supporting
// institutions and adds a note; the corrections stay in this browser (localStorage) and are
// exported as the overrides CSV that `uprx run --overrides` reads (id,lead,supporting,note;
// pipeline/run/ministry_overrides.h). No server, no library: works from a file, offline.
//
// The page gives: #uprx-institutions (JSON: review key -> [{id, name}] of its profile), one
// td.inst per row with data-review, data-lead, data-supporting (ids joined by ';'), data-note
// and data-decided (set by an earlier overrides file), and the #editbar buttons. On <html> it sets data-uprx-edits (corrections held).
(function () {
  var root = document.documentElement;
  var bar = document.getElementById('editbar');
  var table = document.getElementById('recs');
  if (!bar || !table) throw new Error('uprx report: the edit bar or the table is missing');
  var NONE = 'NONE';
  var choices = JSON.parse(document.getElementById('uprx-institutions').textContent || '{}');
  var toggle = document.getElementById('edit-toggle');
  var exportButton = document.getElementById('edit-export');
  var discard = document.getElementById('edit-discard');
  var status = document.getElementById('edit-status');
  var help = document.getElementById('edit-help');
  var csvBox = document.getElementById('edit-csv');
  var cells = Array.prototype.slice.call(table.querySelectorAll('td.inst'));
  var keys = Object.keys(choices).sort();
  var storeKey = 'uprx-corrections:' + keys.join('+');
  var memory = {};  // used when the browser refuses localStorage for files
  var names = {};   // review key -> id -> name
  var runViews = {};  // row id -> the nodes of the view the run wrote
  keys.forEach(function (k) {
    names[k] = {};
    choices[k].forEach(function (c) { names[k][c.id] = c.name; });
  });

  function split(text) { return text ? text.split(';') : []; }

  // What the run decided for a row, and what the committee has now.
  function original(cell) {
    return { lead: split(cell.getAttribute('data-lead'))[0] || NONE,
             supporting: split(cell.getAttribute('data-supporting')),
             note: cell.getAttribute('data-note') || '' };
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storeKey) || '{}');
    } catch (e) {
      return memory;
    }
  }

  function save(edits) {
    memory = edits;
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(edits));
    } catch (e) {
      status.textContent = 'This browser keeps corrections only until the page is closed: export them.';
    }
    show(edits);
  }

  function same(a, b) {
    return a.lead === b.lead && a.note === b.note &&
           a.supporting.slice().sort().join(';') === b.supporting.slice().sort().join(';');
  }

  function current(cell, edits) { return edits[cell.parentNode.id] || original(cell); }

  function nameOf(cell, id) {
    if (id === NONE) return 'no clear institution';
    var known = names[cell.getAttribute('data-review')] || {};
    return known[id] || id;
  }

  function option(value, text, selected) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    o.selected = !!selected;
    return o;
  }

  function line(label, text) {
    var div = document.createElement('div');
    var b = document.createElement('b');
    b.textContent = label + ' ';
    div.appendChild(b);
    div.appendChild(document.createTextNode(text));
    return div;
  }

  // The read-only view of a corrected row (rows not corrected keep the view the run wrote).
  function view(cell, state) {
    var div = cell.querySelector('.inst-view');
    var id = cell.parentNode.id;
    if (!(id in runViews)) runViews[id] = Array.prototype.slice.call(div.childNodes);
    div.textContent = '';
    if (!state) {
      runViews[id].forEach(function (node) { div.appendChild(node); });
      return;
    }
    div.appendChild(line('Lead:', nameOf(cell, state.lead)));
    if (state.supporting.length) {
      div.appendChild(line('Supporting:', state.supporting.map(function (id) {
        return nameOf(cell, id);
      }).join('; ')));
    }
    if (state.note) div.appendChild(line('Note:', state.note));
    var mark = document.createElement('div');
    mark.className = 'corrected';
    mark.textContent = 'corrected here, not yet exported to a run';
    div.appendChild(mark);
  }

  function change(cell, state) {
    var edits = load();
    var id = cell.parentNode.id;
    if (same(state, original(cell))) {
      delete edits[id];
    } else {
      edits[id] = state;
    }
    save(edits);
    editor(cell);
  }

  // The controls of one row: lead, supporting (remove one, add one), note, undo.
  function editor(cell) {
    var list = choices[cell.getAttribute('data-review')];
    var old = cell.querySelector('.inst-edit');
    if (old) old.parentNode.removeChild(old);
    if (!list) return;
    var edits = load();
    var state = current(cell, edits);
    var box = document.createElement('div');
    box.className = 'inst-edit';
    var lead = document.createElement('select');
    lead.className = 'ed-lead';
    lead.setAttribute('aria-label', 'Lead institution of ' + cell.parentNode.id);
    lead.appendChild(option(NONE, 'No clear institution', state.lead === NONE));
    list.forEach(function (c) { lead.appendChild(option(c.id, c.name, c.id === state.lead)); });
    lead.addEventListener('change', function () {
      change(cell, { lead: lead.value, note: state.note,
                     supporting: state.supporting.filter(function (s) { return s !== lead.value; }) });
    });
    box.appendChild(lead);
    var chips = document.createElement('div');
    chips.className = 'chips';
    state.supporting.forEach(function (id) {
      var chip = document.createElement('span');
      chip.className = 'chip';
      chip.setAttribute('data-id', id);
      chip.textContent = nameOf(cell, id) + ' ';
      var x = document.createElement('button');
      x.type = 'button';
      x.className = 'ed-remove';
      x.textContent = '\u00d7';
      x.setAttribute('aria-label', 'Remove ' + nameOf(cell, id));
      x.addEventListener('click', function () {
        change(cell, { lead: state.lead, note: state.note,
                       supporting: state.supporting.filter(function (s) { return s !== id; }) });
      });
      chip.appendChild(x);
      chips.appendChild(chip);
    });
    box.appendChild(chips);
    var add = document.createElement('select');
    add.className = 'ed-add';
    add.setAttribute('aria-label', 'Add a supporting institution to ' + cell.parentNode.id);
    add.appendChild(option('', '+ supporting institution', true));
    list.forEach(function (c) {
      if (c.id !== state.lead && state.supporting.indexOf(c.id) < 0) {
        add.appendChild(option(c.id, c.name, false));
      }
    });
    add.addEventListener('change', function () {
      if (!add.value) return;
      change(cell, { lead: state.lead, note: state.note,
                     supporting: state.supporting.concat([add.value]) });
    });
    box.appendChild(add);
    var note = document.createElement('textarea');
    note.className = 'ed-note';
    note.rows = 2;
    note.placeholder = 'Note of the committee';
    note.setAttribute('aria-label', 'Note on ' + cell.parentNode.id);
    note.value = state.note;
    note.addEventListener('change', function () {
      change(cell, { lead: state.lead, supporting: state.supporting,
                     note: note.value.replace(/\s+/g, ' ').trim() });
    });
    box.appendChild(note);
    if (edits[cell.parentNode.id]) {
      var undo = document.createElement('button');
      undo.type = 'button';
      undo.className = 'ed-undo';
      undo.textContent = 'Undo';
      undo.addEventListener('click', function () { change(cell, original(cell)); });
      box.appendChild(undo);
    }
    cell.appendChild(box);
  }

  function show(edits) {
    var n = 0;
    cells.forEach(function (cell) {
      var state = edits[cell.parentNode.id];
      if (state) ++n;
      cell.parentNode.classList.toggle('edited', !!state);
      view(cell, state);
    });
    root.setAttribute('data-uprx-edits', String(n));
    status.textContent = n ? n + (n === 1 ? ' recommendation corrected' : ' recommendations corrected') +
                             ' (kept in this browser until exported)' : '';
    exportButton.disabled = !cells.some(function (cell) { return decision(cell, edits); });
  }

  // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
  function field(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // What the exported file says of a row: the correction made here, else the decision of an
  // earlier overrides file (so the new file replaces the old one), else nothing.
  function decision(cell, edits) {
    return edits[cell.parentNode.id] ||
           (cell.getAttribute('data-decided') === '1' ? original(cell) : null);
  }

  // The overrides file: every decided row says its whole decision (lead, supporting or '-' for
  // none, note), so a note travels with the labels it explains.
  function csv(edits) {
    var lines = ['# Corrections made in the uprx report "' + document.title.replace(/\s+/g, ' ') +
                 '", exported ' + new Date().toISOString().slice(0, 10) +
                 '. Give this file to: uprx run ... --overrides FILE',
                 'id,lead,supporting,note'];
    cells.forEach(function (cell) {
      var s = decision(cell, edits);
      if (!s) return;
      lines.push([cell.parentNode.id, s.lead, s.supporting.length ? s.supporting.join(';') : '-',
                  s.note].map(field).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function download(text) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    link.download = bar.getAttribute('data-file');
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.parentNode.removeChild(link);
    }, 0);
  }

  if (!keys.length) {
    toggle.disabled = true;
    toggle.title = 'Run uprx with --profile to correct institutions here';
    status.textContent = 'Correcting institutions needs a report made with --profile.';
    root.setAttribute('data-uprx-edits', '0');
    return;
  }
  toggle.addEventListener('click', function () {
    var on = !document.body.classList.contains('editing');
    document.body.classList.toggle('editing', on);
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = on ? 'Done correcting' : 'Correct institutions';
    exportButton.hidden = discard.hidden = help.hidden = !on;
    if (on) cells.forEach(editor);
  });
  exportButton.addEventListener('click', function () {
    var text = csv(load());
    csvBox.value = text;
    download(text);
  });
  discard.addEventListener('click', function () {
    if (!window.confirm('Discard every correction kept in this browser for this report?')) return;
    save({});
    cells.forEach(editor);
    csvBox.value = '';
  });
  show(load());
})();
