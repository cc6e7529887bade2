// The report's search and filters. Every recommendation is a <tr> of #recs whose data-position,
// data-themes, data-institution and data-groups attributes hold "|value|value|"; each <select>
// filters on one of them, the search box on the row's text. Works offline, no library.
(function () {
  var table = document.getElementById('recs');
  if (!table) throw new Error('uprx report: the recommendations table is missing');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var filters = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function matches(row, index, words) {
    for (var i = 0; i < words.length; ++i) {
      if (texts[index].indexOf(words[i]) < 0) return false;
    }
    for (var f = 0; f < filters.length; ++f) {
      var wanted = filters[f].value;
      if (!wanted) continue;
      var have = row.getAttribute('data-' + filters[f].getAttribute('data-filter')) || '';
      if (have.indexOf('|' + wanted + '|') < 0) return false;
    }
    return true;
  }

  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var count = 0;
    rows.forEach(function (row, index) {
      var keep = matches(row, index, words);
      row.hidden = !keep;
      if (keep) ++count;
    });
    shown.textContent = count + ' of ' + rows.length + ' recommendations shown';
  }

  search.addEventListener('input', apply);
  filters.forEach(function (f) { f.addEventListener('change', apply); });
  document.getElementById('reset').addEventListener('click', function () {
    search.value = '';
    filters.forEach(function (f) { f.value = ''; });
    apply();
  });
  apply();
  var root = document.documentElement;
  root.setAttribute('data-uprx-charts', String(document.querySelectorAll('svg.uprx-chart').length));
  root.setAttribute('data-uprx-rows', String(rows.length));
  root.setAttribute('data-uprx-ready', '1');
})();
