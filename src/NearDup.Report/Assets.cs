namespace NearDup.Report;

/// <summary>The inline style sheets and scripts of the pages. They are constants: no document text is ever
/// interpolated into a script or a style sheet, so escaping text for HTML is all the pages need.</summary>
internal static class Assets
{
    /// <summary>Styles shared by the pair pages and the index.</summary>
    private const string BaseCss = """
        :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#fff;--page:#f3f5f7;--accent:#0969da}
        *{box-sizing:border-box}
        html,body{margin:0}
        body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--fg);background:var(--page)}
        a{color:var(--accent);text-decoration:none}
        a:hover{text-decoration:underline}
        .rel{display:inline-block;font-size:12px;font-weight:600;line-height:20px;padding:0 8px;border-radius:10px;background:#eaeef2;color:#424a53;vertical-align:2px}
        .rel-duplicate{background:#ffebe9;color:#a40e26}
        .rel-contains,.rel-contained{background:#fff1e5;color:#953800}
        .rel-partial{background:#ddf4ff;color:#0550ae}
        .rel-unrelated{background:#eaeef2;color:#59636e}
        """;

    /// <summary>The pair page's styles.</summary>
    public const string PairCss = BaseCss + """

        body{display:flex;flex-direction:column;height:100vh}
        header{flex:none;background:var(--panel);border-bottom:1px solid var(--line);padding:10px 20px 8px}
        nav{display:flex;gap:14px;align-items:baseline;font-size:13px;margin-bottom:4px}
        nav .caption{color:var(--muted);margin-left:auto}
        h1{font-size:17px;font-weight:600;margin:0 0 8px;display:flex;flex-wrap:wrap;align-items:center;gap:6px;overflow-wrap:anywhere}
        h1 .arrow{color:var(--muted);margin:0 4px}
        .side-tag{display:inline-block;min-width:20px;text-align:center;font-size:12px;font-weight:700;line-height:20px;border-radius:4px;background:#24292f;color:#fff}
        .scores{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px}
        .scores div{border:1px solid var(--line);border-radius:6px;padding:2px 10px;background:#f6f8fa;cursor:help}
        .scores dt{display:inline;color:var(--muted);font-size:12px}
        .scores dd{display:inline;margin:0 0 0 6px;font-weight:600;font-variant-numeric:tabular-nums}
        .chips{list-style:none;display:flex;flex-wrap:wrap;gap:5px;margin:0 0 6px;padding:0;max-height:64px;overflow:auto}
        .chip{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;color:var(--fg);background:var(--bg);border:1px solid var(--pc)}
        .chip b{color:var(--pc)}
        .chip:hover{text-decoration:none;filter:brightness(.96)}
        .legend{margin:0;font-size:12px;color:var(--muted)}
        .legend .sample{background:#dbeafe;border-bottom:2px solid #2563eb;padding:0 4px;color:var(--fg)}
        .legend .hint{margin-left:10px}
        main{flex:1;min-height:0;display:grid;grid-template-columns:1fr 1fr;gap:14px;padding:14px 20px}
        .side{display:flex;flex-direction:column;min-height:0;background:var(--panel);border:1px solid var(--line);border-radius:8px;overflow:hidden}
        .side h2{flex:none;display:flex;align-items:center;gap:8px;margin:0;padding:8px 14px;font-size:14px;font-weight:600;border-bottom:1px solid var(--line);background:#f6f8fa;overflow-wrap:anywhere}
        .side h2 .meta{margin-left:auto;font-weight:400;color:var(--muted);font-size:12px;white-space:nowrap}
        .text{flex:1;overflow:auto;padding:14px 22px 40vh;white-space:pre-wrap;overflow-wrap:break-word;font:16px/1.7 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Liberation Serif","DejaVu Serif",serif;color:#24292f}
        .pb{display:block;height:.5em}
        .p{background:var(--bg);box-shadow:inset 0 -2px 0 var(--pc);padding:2px 0;border-radius:2px;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone;scroll-margin-top:24px}
        .p::before{content:attr(data-n);display:inline-block;font:700 11px/16px system-ui,sans-serif;color:#fff;background:var(--pc);border-radius:8px;padding:0 5px;margin-right:4px;vertical-align:2px}
        .p:hover{filter:brightness(.97)}
        .p:focus-visible{outline:2px solid var(--pc);outline-offset:2px}
        .p.flash{animation:flash 1.6s ease-out}
        @keyframes flash{0%,35%{background:#fde047;box-shadow:0 0 0 3px #facc15}100%{background:var(--bg);box-shadow:inset 0 -2px 0 var(--pc)}}
        .c0{--bg:#dbeafe;--pc:#2563eb}.c1{--bg:#dcfce7;--pc:#15803d}.c2{--bg:#fef3c7;--pc:#b45309}.c3{--bg:#fce7f3;--pc:#be185d}
        .c4{--bg:#ede9fe;--pc:#6d28d9}.c5{--bg:#cffafe;--pc:#0e7490}.c6{--bg:#ffedd5;--pc:#c2410c}.c7{--bg:#ecfccb;--pc:#4d7c0f}
        del,ins{text-decoration-thickness:2px;border-radius:2px;padding:0 1px}
        del{color:#b42318;background:#fee4e2;text-decoration-line:line-through}
        ins{color:#05603a;background:#d1fadf;text-decoration-line:underline;text-underline-offset:3px}
        del.sub,ins.sub{color:#6b21a8;background:#f3e8ff}
        .at::after{content:"\2038";font-weight:700;margin:0 1px}
        .at-ins::after{color:#05603a}
        .at-del::after{color:#b42318}
        @media (max-width:820px){body{height:auto}main{grid-template-columns:1fr}.text{max-height:70vh}}
        @media (prefers-reduced-motion:reduce){.p.flash{animation-duration:.01s}}
        """;

    /// <summary>The pair page's script: clicking a passage scrolls its pane to the twin and flashes both.</summary>
    public const string PairScript = """
        (function () {
          'use strict';
          var smooth = !(window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches);
          function flash(el) { el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash'); }
          function reveal(el) {
            var pane = el.closest('.text');
            if (pane) {
              var top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop - 24;
              pane.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
              var r = pane.getBoundingClientRect();
              if (r.top < 0 || r.bottom > window.innerHeight) pane.scrollIntoView({ block: 'nearest' });
            } else {
              el.scrollIntoView({ block: 'start' });
            }
            flash(el);
          }
          function activate(target) {
            var chip = target.closest('[data-passage]');
            if (chip) {
              var n = chip.getAttribute('data-passage');
              ['a', 'b'].forEach(function (s) { var el = document.getElementById(s + n); if (el) reveal(el); });
              return true;
            }
            var p = target.closest('.p');
            if (!p) return false;
            var twin = document.getElementById(p.getAttribute('data-twin'));
            if (!twin) return false;
            reveal(twin);
            flash(p);
            return true;
          }
          document.addEventListener('click', function (e) {
            var sel = window.getSelection && window.getSelection();
            if (sel && !sel.isCollapsed && e.target.closest('.text')) return; // selecting text, not navigating
            if (activate(e.target)) e.preventDefault();
          });
          document.addEventListener('keydown', function (e) {
            if ((e.key === 'Enter' || e.key === ' ') && e.target.classList && e.target.classList.contains('p') && activate(e.target)) e.preventDefault();
          });
        })();
        """;

    /// <summary>The index page's styles.</summary>
    public const string IndexCss = BaseCss + """

        header{background:var(--panel);border-bottom:1px solid var(--line);padding:14px 24px}
        h1{font-size:20px;margin:0 0 6px}
        .facts{display:flex;flex-wrap:wrap;gap:6px;margin:0}
        .facts div{border:1px solid var(--line);border-radius:6px;padding:2px 10px;background:#f6f8fa}
        .facts dt{display:inline;color:var(--muted);font-size:12px}
        .facts dd{display:inline;margin:0 0 0 6px;font-weight:600;font-variant-numeric:tabular-nums}
        main{padding:16px 24px 40px;max-width:1500px}
        h2{font-size:16px;margin:22px 0 8px}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px}
        figure{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
        figcaption{font-weight:600;margin-bottom:4px}
        svg{display:block;width:100%;height:auto;font:11px system-ui,sans-serif}
        svg .bar{fill:#54aeff}
        svg .bar:hover{fill:#0969da}
        svg .axis{stroke:#8c959f;stroke-width:1}
        svg .grid{stroke:#eaeef2;stroke-width:1}
        svg text{fill:#59636e}
        svg .count{fill:#24292f;font-weight:600}
        .tools{display:flex;gap:12px;align-items:center;margin:0 0 8px}
        .tools input{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;min-width:260px}
        .tools .shown{color:var(--muted)}
        .note{color:var(--muted);font-size:13px}
        .table-wrap{background:var(--panel);border:1px solid var(--line);border-radius:8px;overflow:auto;max-height:75vh}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{padding:5px 10px;border-bottom:1px solid #eaeef2;text-align:left;white-space:nowrap}
        td.id{white-space:normal;overflow-wrap:anywhere;max-width:380px}
        th{position:sticky;top:0;background:#f6f8fa;z-index:1;font-size:12px;color:#424a53;border-bottom:1px solid var(--line)}
        th.num,td.num{text-align:right}
        table.sortable th{cursor:pointer;user-select:none}
        table.sortable th::after{content:"\2195";color:#afb8c1;margin-left:4px}
        table.sortable th[aria-sort=ascending]::after{content:"\25b2";color:#0969da}
        table.sortable th[aria-sort=descending]::after{content:"\25bc";color:#0969da}
        tbody tr:hover{background:#f6f8fa}
        .meter{display:inline-block;width:54px;height:6px;background:#eaeef2;border-radius:3px;margin-left:6px;vertical-align:1px;overflow:hidden}
        .meter i{display:block;height:100%;background:#54aeff}
        """;

    /// <summary>The index page's script: click a header to sort its table; type to filter the pairs.</summary>
    public const string IndexScript = """
        (function () {
          'use strict';
          function key(td, numeric) {
            var v = td.getAttribute('data-v');
            if (v === null) v = td.textContent;
            return numeric ? parseFloat(v) : v.toLowerCase();
          }
          document.querySelectorAll('table.sortable').forEach(function (table) {
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (th, col) {
              th.tabIndex = 0;
              function sort() {
                var numeric = th.classList.contains('num');
                var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
                if (!th.hasAttribute('aria-sort') && numeric) dir = -1; // numbers: largest first
                Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                var keyed = rows.map(function (r, i) { return { r: r, k: key(r.cells[col], numeric), i: i }; });
                keyed.sort(function (x, y) {
                  if (x.k < y.k) return -dir;
                  if (x.k > y.k) return dir;
                  return x.i - y.i;
                });
                var frag = document.createDocumentFragment();
                keyed.forEach(function (x) { frag.appendChild(x.r); });
                body.appendChild(frag);
              }
              th.addEventListener('click', sort);
              th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
            });
          });
          var filter = document.getElementById('filter');
          if (filter) {
            var table = document.getElementById('pairs');
            var shown = document.getElementById('shown');
            filter.addEventListener('input', function () {
              var q = filter.value.trim().toLowerCase();
              var n = 0;
              Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
                var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
                r.hidden = !hit;
                if (hit) n++;
              });
              if (shown) shown.textContent = n + ' shown';
            });
          }
        })();
        """;
}
