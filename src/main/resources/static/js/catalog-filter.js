// Filters the werkprocessen of the dossier page while typing in the search box: an item stays when its code starts
// with the query or every word occurs in its code, title or omschrijving (as the server's ?q= search does).
// Kerntaken without a visible werkproces are hidden. Enter submits the form for the server's search.
(function () {
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var input = document.getElementById('catalog-search');
    var container = input && document.querySelector(input.getAttribute('data-filter-target'));
    if (!container) { return; }
    input.addEventListener('input', function () {
      var query = fold(input.value.trim());
      var words = query.split(/\s+/).filter(function (word) { return word.length > 0; });
      container.querySelectorAll('section.kerntaak').forEach(function (section) {
        var visible = 0;
        section.querySelectorAll('li[data-search]').forEach(function (item) {
          var text = item.getAttribute('data-search');
          var match = words.length === 0 || text.indexOf(query) === 0
            || words.every(function (word) { return text.indexOf(word) >= 0; });
          item.hidden = !match;
          if (match) { visible++; }
        });
        section.hidden = visible === 0 && words.length > 0;
        var toc = document.getElementById('toc-' + section.id.replace('kerntaak-', ''));
        if (toc) { toc.hidden = section.hidden; }
      });
    });
  });
})();
