extension Assets {
    /// The dashboard's one script, a progressive enhancement: it turns the headers of every `table.sortable`
    /// into sort buttons. Cells sort by their `data-sort` key (numerically in `data-type="number"` columns), cells
    /// without a key sort last, and the sort is stable, so equal rows keep the server's order. Pages read fully
    /// without it. Plain ES5-level DOM code: no build step, no eval, allowed by `script-src 'self'`.
    public static let script = #"""
    "use strict";
    (function () {
      function key(row, index) {
        var cell = row.cells[index];
        if (!cell) { return null; }
        var value = cell.getAttribute("data-sort");
        return value === null || value === "" ? null : value;
      }

      function compare(a, b, numeric) {
        if (a === null || b === null) { return a === b ? 0 : (a === null ? 1 : -1); }
        if (numeric) {
          var x = parseFloat(a), y = parseFloat(b);
          return x < y ? -1 : (x > y ? 1 : 0);
        }
        return a.localeCompare(b);
      }

      function sortBy(table, header, index) {
        var numeric = header.getAttribute("data-type") === "number";
        var current = header.getAttribute("aria-sort");
        // Numbers sort largest first on the first click: the question is usually "which day was best?".
        var ascending = current ? current === "descending" : !numeric;
        var headers = table.tHead.rows[0].cells;
        for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");

        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
          return { row: row, key: key(row, index), position: position };
        });
        rows.sort(function (a, b) {
          var order = compare(a.key, b.key, numeric);
          if (a.key !== null && b.key !== null && !ascending) { order = -order; }
          return order !== 0 ? order : a.position - b.position;
        });
        rows.forEach(function (entry) { body.appendChild(entry.row); });
      }

      function enhance(table) {
        if (!table.tHead || !table.tBodies.length) { return; }
        var headers = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(headers, function (header, index) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "sort-button";
          while (header.firstChild) { button.appendChild(header.firstChild); }
          header.appendChild(button);
          button.addEventListener("click", function () { sortBy(table, header, index); });
        });
      }

      function start() {
        Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
      }

      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
      } else {
        start();
      }
    })();
    """#
}
