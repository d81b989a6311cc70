using System.Globalization;

namespace NearDup.Report;

/// <summary>
/// Renders a run's <c>index.html</c>: the run's figures, a histogram of pair resemblance and a chart of cluster
/// sizes (inline SVG), a sortable, filterable table of the pairs linking to their pages (<c>pairs/&lt;n&gt;.html</c>,
/// n = line of pairs.jsonl) and a table of the clusters. Self-contained: inline CSS and script, no network.
/// </summary>
public static class ReportIndex
{
    /// <summary>Pairs listed in the table at most (all pairs still get a page); beyond this a browser table gets slow.</summary>
    public const int MaxPairRows = 50_000;
    /// <summary>Clusters listed at most.</summary>
    public const int MaxClusterRows = 20_000;
    private const int HistogramBins = 20;
    private const int MembersShown = 8;

    /// <summary>Writes the index of <paramref name="result"/> to <paramref name="w"/>.</summary>
    /// <param name="w">Where the page goes.</param>
    /// <param name="result">The run.</param>
    /// <param name="summaries">Per pair (in pair order) its passages and coverage, or null when pairs were not aligned.</param>
    /// <param name="subtitle">A line under the title, e.g. the inputs; null for none.</param>
    /// <param name="pairPage">The relative href of pair <c>n</c>'s page (1-based), or null for no links.</param>
    public static void Render(TextWriter w, DedupResult result, IReadOnlyList<PairAlignmentSummary>? summaries, string? subtitle,
        Func<int, string>? pairPage)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        var pairs = result.Pairs;
        var documents = result.Documents;
        var clusters = result.Clusters.Where(c => c.Members.Length > 1).ToList();

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"NearDup\">\n<title>NearDup report</title>\n<style>");
        w.Write(Assets.IndexCss);
        w.Write("</style>\n</head>\n<body>\n<header>\n<h1>NearDup report</h1>\n");
        if (subtitle is not null) { w.Write("<p class=\"note\">"); Html.Escape(w, subtitle); w.Write("</p>\n"); }
        w.Write("<dl class=\"facts\">");
        Fact(w, "documents", documents.Count);
        Fact(w, "pairs", pairs.Count);
        Fact(w, "duplicate", result.CountRelation(Relation.Duplicate));
        Fact(w, "containment", result.CountRelation(Relation.Contains) + result.CountRelation(Relation.Contained));
        Fact(w, "partial", result.CountRelation(Relation.Partial));
        Fact(w, "clusters of copies", clusters.Count);
        Fact(w, "furniture shingles", result.FurnitureFingerprints);
        w.Write("</dl>\n</header>\n<main>\n");

        w.Write("<div class=\"charts\">\n<figure><figcaption>Pairs by resemblance</figcaption>");
        var bins = new int[HistogramBins];
        foreach (var p in pairs) bins[Math.Clamp((int)(p.Resemblance * HistogramBins), 0, HistogramBins - 1)]++;
        var binTitles = Enumerable.Range(0, HistogramBins).Select(i =>
            $"resemblance {Edge(i)}\u2013{Edge(i + 1)}: {Html.Count(bins[i])} pair(s)").ToArray();
        var binLabels = Enumerable.Range(0, HistogramBins).Select(i => i % 4 == 0 ? Edge(i) : "").ToArray();
        BarChart(w, bins, binLabels, binTitles, "resemblance (Jaccard of 5-word shingles)", "pairs", lastLabel: "1.00", id: "resemblance-chart");
        w.Write("</figure>\n<figure><figcaption>Clusters of copies by size</figcaption>");
        const int LargestBucket = 10;
        var sizes = new int[LargestBucket - 1]; // sizes 2..9, then 10+
        foreach (var c in clusters) sizes[Math.Min(c.Members.Length, LargestBucket) - 2]++;
        var sizeLabels = Enumerable.Range(2, LargestBucket - 1).Select(s => s == LargestBucket ? $"{s}+" : s.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sizeTitles = Enumerable.Range(0, sizes.Length).Select(i => $"{Html.Count(sizes[i])} cluster(s) of {sizeLabels[i]} documents").ToArray();
        BarChart(w, sizes, sizeLabels, sizeTitles, "documents in the cluster", "clusters", lastLabel: null, id: "cluster-chart");
        w.Write("</figure>\n</div>\n");

        w.Write("<h2>Pairs</h2>\n");
        int rows = Math.Min(pairs.Count, MaxPairRows);
        if (pairs.Count == 0) w.Write("<p class=\"note\">No related pairs were found.</p>\n");
        else
        {
            w.Write($"<div class=\"tools\"><input id=\"filter\" type=\"search\" placeholder=\"Filter by id or relation\" aria-label=\"Filter pairs\"><span class=\"shown\" id=\"shown\">{Html.Count(rows)} shown</span></div>\n");
            if (rows < pairs.Count)
                w.Write($"<p class=\"note\">The table lists the first {Html.Count(rows)} of {Html.Count(pairs.Count)} pairs (in pairs.jsonl order); every pair has its page in pairs/.</p>\n");
            w.Write("<div class=\"table-wrap\"><table class=\"sortable\" id=\"pairs\">\n<thead><tr><th class=\"num\">#</th><th>A</th><th>B</th><th>relation</th><th class=\"num\">resemblance</th><th class=\"num\">A in B</th><th class=\"num\">B in A</th><th class=\"num\">shared words</th>");
            if (summaries is not null) w.Write("<th class=\"num\">passages</th><th class=\"num\">coverage A</th><th class=\"num\">coverage B</th>");
            w.Write("</tr></thead>\n<tbody>\n");
            for (int i = 0; i < rows; i++)
            {
                var p = pairs[i];
                int n = i + 1;
                string? href = pairPage?.Invoke(n);
                w.Write("<tr><td class=\"num\">");
                if (href is not null) { w.Write("<a href=\""); Html.Escape(w, href); w.Write($"\">{n}</a>"); } else w.Write(n);
                w.Write("</td><td class=\"id\">");
                IdCell(w, documents[p.A].Id, href);
                w.Write("</td><td class=\"id\">");
                IdCell(w, documents[p.B].Id, href);
                string relation = RelationNames.JsonName(p.Relation);
                w.Write($"</td><td><span class=\"rel rel-{relation}\">{relation}</span></td>");
                NumberCell(w, p.Resemblance, meter: true);
                NumberCell(w, p.ContainmentAInB, meter: false);
                NumberCell(w, p.ContainmentBInA, meter: false);
                w.Write($"<td class=\"num\">{Html.Count(p.SharedWords)}</td>");
                if (summaries is not null)
                {
                    var s = summaries[i];
                    w.Write($"<td class=\"num\">{s.Passages}</td>");
                    w.Write($"<td class=\"num\" data-v=\"{Invariant(s.CoverageA)}\">{Html.Percent(s.CoverageA)}</td>");
                    w.Write($"<td class=\"num\" data-v=\"{Invariant(s.CoverageB)}\">{Html.Percent(s.CoverageB)}</td>");
                }
                w.Write("</tr>\n");
            }
            w.Write("</tbody></table></div>\n");
        }

        w.Write("<h2>Clusters of copies</h2>\n");
        if (clusters.Count == 0) w.Write("<p class=\"note\">No clusters: no duplicate or containment pairs.</p>\n");
        else
        {
            int clusterRows = Math.Min(clusters.Count, MaxClusterRows);
            if (clusterRows < clusters.Count)
                w.Write($"<p class=\"note\">The first {Html.Count(clusterRows)} of {Html.Count(clusters.Count)} clusters; all are in clusters.jsonl.</p>\n");
            w.Write("<div class=\"table-wrap\"><table class=\"sortable\" id=\"clusters\">\n<thead><tr><th class=\"num\">cluster</th><th class=\"num\">size</th><th>kept (representative)</th><th>members</th></tr></thead>\n<tbody>\n");
            foreach (var c in clusters.Take(clusterRows))
            {
                w.Write($"<tr><td class=\"num\">{c.Id}</td><td class=\"num\">{c.Members.Length}</td><td class=\"id\">");
                Html.Escape(w, documents[c.Representative].Id);
                w.Write("</td><td class=\"id\">");
                for (int m = 0; m < Math.Min(MembersShown, c.Members.Length); m++)
                {
                    if (m > 0) w.Write(", ");
                    Html.Escape(w, documents[c.Members[m]].Id);
                }
                if (c.Members.Length > MembersShown) w.Write($" and {Html.Count(c.Members.Length - MembersShown)} more");
                w.Write("</td></tr>\n");
            }
            w.Write("</tbody></table></div>\n");
        }
        w.Write("</main>\n<script>");
        w.Write(Assets.IndexScript);
        w.Write("</script>\n</body>\n</html>\n");
    }

    private static string Edge(int bin) => ((double)bin / HistogramBins).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);

    private static void Fact(TextWriter w, string label, long value) =>
        w.Write($"<div><dt>{label}</dt><dd>{Html.Count(value)}</dd></div>");

    private static void IdCell(TextWriter w, string id, string? href)
    {
        if (href is null) { Html.Escape(w, id); return; }
        w.Write("<a href=\"");
        Html.Escape(w, href);
        w.Write("\">");
        Html.Escape(w, id);
        w.Write("</a>");
    }

    private static void NumberCell(TextWriter w, double value, bool meter)
    {
        w.Write($"<td class=\"num\" data-v=\"{Invariant(value)}\">{Html.Score(value)}");
        if (meter) w.Write($"<span class=\"meter\"><i style=\"width:{Math.Clamp(value * 100, 0, 100).ToString("0.#", CultureInfo.InvariantCulture)}%\"></i></span>");
        w.Write("</td>");
    }

    /// <summary>A bar chart as inline SVG: one bar per count, a label under each bar's left edge (or centre when
    /// <paramref name="lastLabel"/> is null, for categories), the count above each non-empty bar.</summary>
    private static void BarChart(TextWriter w, int[] counts, string[] labels, string[] titles, string xTitle, string yTitle, string? lastLabel, string id)
    {
        // Left leaves room for tick labels up to "100,000" beside the rotated axis title.
        const double Width = 560, Height = 230, Left = 62, Right = 12, Top = 18, Bottom = 42;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        int max = Math.Max(1, counts.Max());
        int step = NiceStep(max);
        int yMax = (max + step - 1) / step * step;
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        w.Write($"<svg id=\"{id}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-label=\"{Html.Escape(yTitle)} by {Html.Escape(xTitle)}\">");
        for (int y = 0; y <= yMax; y += step)
        {
            double py = Top + plotH - plotH * y / yMax;
            w.Write($"<line class=\"grid\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(py)}\" y2=\"{F(py)}\"/>");
            w.Write($"<text x=\"{F(Left - 6)}\" y=\"{F(py + 4)}\" text-anchor=\"end\">{Html.Count(y)}</text>");
        }
        double slot = plotW / counts.Length, gap = Math.Min(4, slot * 0.15);
        for (int i = 0; i < counts.Length; i++)
        {
            double x = Left + i * slot;
            double h = plotH * counts[i] / yMax;
            w.Write($"<g><title>{Html.Escape(titles[i])}</title><rect class=\"bar\" x=\"{F(x + gap / 2)}\" y=\"{F(Top + plotH - h)}\" width=\"{F(slot - gap)}\" height=\"{F(Math.Max(h, counts[i] > 0 ? 1 : 0))}\" rx=\"2\"/>");
            if (counts[i] > 0)
                w.Write($"<text class=\"count\" x=\"{F(x + slot / 2)}\" y=\"{F(Top + plotH - h - 4)}\" text-anchor=\"middle\">{Html.Count(counts[i])}</text>");
            w.Write("</g>");
            if (labels[i].Length > 0)
            {
                double lx = lastLabel is null ? x + slot / 2 : x;
                w.Write($"<text x=\"{F(lx)}\" y=\"{F(Top + plotH + 15)}\" text-anchor=\"middle\">{Html.Escape(labels[i])}</text>");
            }
        }
        if (lastLabel is not null)
            w.Write($"<text x=\"{F(Left + plotW)}\" y=\"{F(Top + plotH + 15)}\" text-anchor=\"middle\">{Html.Escape(lastLabel)}</text>");
        w.Write($"<line class=\"axis\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(Top + plotH)}\" y2=\"{F(Top + plotH)}\"/>");
        w.Write($"<text x=\"{F(Left + plotW / 2)}\" y=\"{F(Height - 6)}\" text-anchor=\"middle\">{Html.Escape(xTitle)}</text>");
        w.Write($"<text x=\"12\" y=\"{F(Top + plotH / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {F(Top + plotH / 2)})\">{Html.Escape(yTitle)}</text>");
        w.Write("</svg>");
    }

    /// <summary>A round tick step giving about four grid lines up to <paramref name="max"/>.</summary>
    private static int NiceStep(int max)
    {
        double raw = max / 4.0;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        return Math.Max(1, (int)(nice * magnitude));
    }
}
