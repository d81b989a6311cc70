using System.Globalization;
using NearDup.Align;

namespace NearDup.Report;

/// <summary>Links from a pair page to the rest of a report (all relative hrefs; null leaves a link out).</summary>
/// <param name="Index">The report's index page.</param>
/// <param name="Previous">The previous pair's page.</param>
/// <param name="Next">The next pair's page.</param>
public sealed record PairPageLinks(string? Index, string? Previous, string? Next);

/// <summary>What one pair page shows: the two texts, their alignment and the pair's scores.</summary>
public sealed record PairPageModel
{
    /// <summary>Id (or file name) of document A.</summary>
    public required string IdA { get; init; }
    /// <summary>Id (or file name) of document B.</summary>
    public required string IdB { get; init; }
    /// <summary>The text of A, exactly as aligned.</summary>
    public required string TextA { get; init; }
    /// <summary>The text of B, exactly as aligned.</summary>
    public required string TextB { get; init; }
    /// <summary>The passages of A and B (offsets into <see cref="TextA"/> and <see cref="TextB"/>).</summary>
    public required Alignment Alignment { get; init; }
    /// <summary>The verified relation, or null when the pair is not related.</summary>
    public Relation? Relation { get; init; }
    /// <summary>Jaccard of the content shingle sets.</summary>
    public double Resemblance { get; init; }
    /// <summary>Share of A's content shingles found in B.</summary>
    public double ContainmentAInB { get; init; }
    /// <summary>Share of B's content shingles found in A.</summary>
    public double ContainmentBInA { get; init; }
    /// <summary>Words in reused passages as the verifier counts them (on the side with fewer).</summary>
    public int SharedWords { get; init; }
    /// <summary>A caption above the ids, e.g. "Pair 12 of 340"; null for none.</summary>
    public string? Caption { get; init; }
    /// <summary>Navigation links, for pages inside a report.</summary>
    public PairPageLinks? Links { get; init; }
}

/// <summary>
/// Renders a pair as one self-contained HTML page (inline CSS and script, no network): the two texts side by
/// side, each passage in its own colour on both sides (clicking one scrolls to and flashes its twin), edits
/// marked inline (text only in A struck through, text only in B underlined, substitutions marked on both sides),
/// unmatched text plain, and a header with the scores. All document text is HTML-escaped.
/// </summary>
/// <remarks>
/// Ids: passage <c>n</c> (1-based, in order of A) is <c>&lt;span class="p" id="a{n}" data-twin="b{n}"&gt;</c> in A and
/// <c>id="b{n}" data-twin="a{n}"</c> in B. The text content of each side's <c>.text</c> element is the document
/// text (markers are CSS pseudo-elements), so copying from the page copies the document.
/// </remarks>
public static class PairPage
{
    /// <summary>Colours cycled over the passages (the CSS classes <c>c0</c>…).</summary>
    public const int Colours = 8;

    /// <summary>Writes the page for <paramref name="model"/> to <paramref name="w"/>.</summary>
    public static void Render(TextWriter w, PairPageModel model)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(model);
        var alignment = model.Alignment;
        var passages = alignment.Passages;

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"NearDup\">\n<title>");
        Html.Escape(w, model.IdA);
        w.Write(" \u2194 ");
        Html.Escape(w, model.IdB);
        w.Write(" \u00b7 NearDup</title>\n<style>");
        w.Write(Assets.PairCss);
        w.Write("</style>\n</head>\n<body>\n<header>\n");

        if (model.Links is { } links)
        {
            w.Write("<nav>");
            if (links.Index is not null) Link(w, links.Index, "\u2190 all pairs", "index");
            if (links.Previous is not null) Link(w, links.Previous, "\u2039 previous", "prev");
            if (links.Next is not null) Link(w, links.Next, "next \u203a", "next");
            if (model.Caption is not null) { w.Write("<span class=\"caption\">"); Html.Escape(w, model.Caption); w.Write("</span>"); }
            w.Write("</nav>\n");
        }
        else if (model.Caption is not null)
        {
            w.Write("<nav><span class=\"caption\">"); Html.Escape(w, model.Caption); w.Write("</span></nav>\n");
        }

        w.Write("<h1><span class=\"side-tag\">A</span><span class=\"doc\">");
        Html.Escape(w, model.IdA);
        w.Write("</span><span class=\"arrow\">\u2194</span><span class=\"side-tag\">B</span><span class=\"doc\">");
        Html.Escape(w, model.IdB);
        w.Write("</span>");
        string relation = model.Relation is { } r ? RelationNames.JsonName(r) : "unrelated";
        w.Write($"<span class=\"rel rel-{relation}\" title=\"{Html.Escape(RelationHelp(model.Relation))}\">{relation}</span></h1>\n");

        w.Write("<dl class=\"scores\">");
        Score(w, "resemblance", Html.Score(model.Resemblance), "Jaccard similarity of the two texts' 5-word shingle sets (page furniture removed)", "resemblance");
        Score(w, "A inside B", Html.Score(model.ContainmentAInB), "Share of A's shingles found in B", "containment-a");
        Score(w, "B inside A", Html.Score(model.ContainmentBInA), "Share of B's shingles found in A", "containment-b");
        Score(w, "coverage A", Html.Percent(alignment.CoverageA), $"Share of A's {alignment.TokensA} words inside reused passages", "coverage-a");
        Score(w, "coverage B", Html.Percent(alignment.CoverageB), $"Share of B's {alignment.TokensB} words inside reused passages", "coverage-b");
        Score(w, "passages", passages.Count.ToString(CultureInfo.InvariantCulture), "Reused passages found by the aligner", "passages");
        int edits = passages.Sum(p => p.Edits.Count);
        Score(w, "edits", edits.ToString(CultureInfo.InvariantCulture), "Word-level edits inside the passages", "edits");
        w.Write("</dl>\n");

        if (passages.Count > 0)
        {
            w.Write("<ol class=\"chips\" aria-label=\"Passages\">");
            for (int i = 0; i < passages.Count; i++)
            {
                var p = passages[i];
                int n = i + 1;
                w.Write($"<li><a class=\"chip c{i % Colours}\" href=\"#a{n}\" data-passage=\"{n}\" title=\"Show passage {n} on both sides: A[{p.AStart}, {p.AEnd}) \u2194 B[{p.BStart}, {p.BEnd}), {p.Edits.Count} edit(s)\">");
                w.Write($"<b>{n}</b> {p.ATokens.ToString("N0", CultureInfo.InvariantCulture)} words \u00b7 {Html.Percent(p.Similarity)}</a></li>");
            }
            w.Write("</ol>\n");
        }
        w.Write("<p class=\"legend\"><span class=\"sample\">reused passage</span> <del>only in A</del> <ins>only in B</ins> <del class=\"sub\">changed</del>\u2009\u2192\u2009<ins class=\"sub\">changed</ins> <span class=\"hint\">Click a passage to show its twin on the other side.</span></p>\n");
        w.Write("</header>\n<main>\n");

        var order = new int[passages.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        WriteSide(w, 'a', model.IdA, model.TextA, alignment.TokensA, alignment.CoverageA, passages, order);
        Array.Sort(order, (x, y) => passages[x].BStartUtf16.CompareTo(passages[y].BStartUtf16));
        WriteSide(w, 'b', model.IdB, model.TextB, alignment.TokensB, alignment.CoverageB, passages, order);

        w.Write("</main>\n<script>");
        w.Write(Assets.PairScript);
        w.Write("</script>\n</body>\n</html>\n");
    }

    /// <summary>The page as a string (tests, small outputs).</summary>
    public static string Render(PairPageModel model)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Render(w, model);
        return w.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> (UTF-8, no byte order mark).</summary>
    public static void Write(string path, PairPageModel model)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        using var w = new StreamWriter(stream, Html.Utf8, bufferSize: 1 << 15);
        Render(w, model);
    }

    private static string RelationHelp(Relation? relation) => relation switch
    {
        Relation.Duplicate => "near-duplicates: resemblance at or above the duplicate threshold",
        Relation.Contains => "A contains B: most of B is inside A",
        Relation.Contained => "A is contained in B: most of A is inside B",
        Relation.Partial => "partial reuse: shared passages, neither mostly inside the other",
        _ => "not related at dedup's thresholds",
    };

    private static void Link(TextWriter w, string href, string label, string rel)
    {
        w.Write("<a href=\"");
        Html.Escape(w, href);
        w.Write($"\" rel=\"{rel}\">{label}</a>");
    }

    private static void Score(TextWriter w, string label, string value, string help, string key)
    {
        w.Write($"<div title=\"{Html.Escape(help)}\"><dt>{label}</dt><dd data-score=\"{key}\">{value}</dd></div>");
    }

    private static void WriteSide(TextWriter w, char side, string id, string text, int tokens, double coverage, IReadOnlyList<Passage> passages, int[] order)
    {
        char other = side == 'a' ? 'b' : 'a';
        string upper = side == 'a' ? "A" : "B";
        w.Write($"<section class=\"side side-{side}\" aria-label=\"Document {upper}\">\n<h2><span class=\"side-tag\">{upper}</span><span class=\"doc\">");
        Html.Escape(w, id);
        w.Write($"</span><span class=\"meta\">{Html.Count(tokens)} words \u00b7 {Html.Percent(coverage)} reused</span></h2>\n");
        w.Write($"<div class=\"text\" id=\"text-{side}\" lang=\"\">");
        var map = new CodePointMap(text);
        int pos = 0;
        foreach (int index in order)
        {
            var p = passages[index];
            int start = side == 'a' ? p.AStartUtf16 : p.BStartUtf16;
            int end = side == 'a' ? p.AEndUtf16 : p.BEndUtf16;
            start = Math.Clamp(start, pos, text.Length);
            end = Math.Clamp(end, start, text.Length);
            WriteText(w, text, pos, start);
            int n = index + 1;
            string twinSide = other == 'a' ? "A" : "B";
            w.Write($"<span class=\"p c{index % Colours}\" id=\"{side}{n}\" data-twin=\"{other}{n}\" data-n=\"{n}\" tabindex=\"0\" title=\"Passage {n}: similarity {Html.Percent(p.Similarity)}, {p.ATokens} \u2194 {p.BTokens} words. Click to show it in {twinSide}.\">");
            int cursor = start;
            foreach (var e in p.Edits)
            {
                int es = map.ToUtf16(side == 'a' ? e.AStart : e.BStart);
                int ee = map.ToUtf16(side == 'a' ? e.AEnd : e.BEnd);
                es = Math.Clamp(es, cursor, end);
                ee = Math.Clamp(ee, es, end);
                if (ee == es) es = ee = EditLayout.EmptySidePoint(text, es, cursor);
                WriteText(w, text, cursor, es);
                string theirs = side == 'a' ? e.BText : e.AText;
                if (ee == es)
                {
                    // Nothing on this side: a thin marker shows where the other side has text.
                    w.Write(side == 'a' ? "<span class=\"at at-ins\" title=\"B inserts: " : "<span class=\"at at-del\" title=\"A has: ");
                    Html.Escape(w, Shorten(theirs));
                    w.Write("\"></span>");
                }
                else
                {
                    string tag = side == 'a' ? "del" : "ins";
                    bool substitute = e.Kind == EditKind.Substitute;
                    w.Write($"<{tag}{(substitute ? " class=\"sub\"" : "")} title=\"");
                    if (substitute) { w.Write(side == 'a' ? "B has: " : "A has: "); Html.Escape(w, Shorten(theirs)); }
                    else w.Write(side == 'a' ? "not in B" : "not in A");
                    w.Write("\">");
                    WriteText(w, text, es, ee);
                    w.Write($"</{tag}>");
                }
                cursor = ee;
            }
            WriteText(w, text, cursor, end);
            w.Write("</span>");
            pos = end;
        }
        WriteText(w, text, pos, text.Length);
        w.Write("</div>\n</section>\n");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "\u2026");

    /// <summary>Writes text[from, to) escaped. A single line break between two lines gets a small spacer after it
    /// (an empty block, so the text content is unchanged) to set paragraphs apart.</summary>
    private static void WriteText(TextWriter w, string text, int from, int to)
    {
        if (to <= from) return;
        int run = from;
        for (int i = from; i < to; i++)
        {
            if (text[i] != '\n') continue;
            bool single = (i == 0 || text[i - 1] != '\n') && (i + 1 >= text.Length || text[i + 1] != '\n');
            if (!single || i + 1 >= text.Length) continue;
            Html.Escape(w, text.AsSpan(run, i + 1 - run));
            w.Write("<span class=\"pb\"></span>");
            run = i + 1;
        }
        Html.Escape(w, text.AsSpan(run, to - run));
    }
}
