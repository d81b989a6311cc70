using System.Globalization;
using System.Text;
using NearDup.Align;
using NearDup.Report;
using Spectre.Console;

namespace NearDup.Cli.Output;

/// <summary>
/// The terminal view of <c>neardup compare</c>: the scores, each document's coverage, then every passage in its own
/// colour with its edits marked inline as <c>[-text only in A-]</c> and <c>{+text only in B+}</c> (a substitution is
/// both, side by side). On a terminal the markers are coloured too; otherwise the text is written unwrapped, so
/// it can be searched.
/// </summary>
public static class CompareView
{
    private static readonly Color[] PassageColours =
    [
        Color.DeepSkyBlue1, Color.Green3, Color.Gold1, Color.HotPink, Color.MediumPurple1, Color.Aqua, Color.Orange1, Color.Chartreuse2,
    ];

    private static readonly Style Deleted = new(Color.Red, decoration: Decoration.Strikethrough);
    private static readonly Style Inserted = new(Color.Green, decoration: Decoration.Underline);

    /// <summary>Writes the view of <paramref name="comparison"/> to <paramref name="stdout"/>.</summary>
    public static void Write(TextWriter stdout, PairComparison comparison)
    {
        bool terminal = stdout == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var alignment = comparison.Alignment;
        var passages = alignment.Passages;

        var table = new Table().Border(TableBorder.Rounded).Title("neardup compare").HideHeaders()
            .AddColumn("side").AddColumn("document").AddColumn(new TableColumn("words").RightAligned()).AddColumn(new TableColumn("reused").RightAligned());
        table.AddRow("[bold]A[/]", Markup.Escape(comparison.IdA), $"{alignment.TokensA:N0} words", $"{Percent(alignment.CoverageA)} in passages");
        table.AddRow("[bold]B[/]", Markup.Escape(comparison.IdB), $"{alignment.TokensB:N0} words", $"{Percent(alignment.CoverageB)} in passages");
        console.Write(table);
        string relation = comparison.Relation is { } r ? RelationNames.JsonName(r) : "unrelated (dedup would not report this pair)";
        int edits = passages.Sum(p => p.Edits.Count);
        console.MarkupLine(
            $"resemblance [bold]{Score(comparison.Resemblance)}[/] · A in B {Score(comparison.ContainmentAInB)} · B in A {Score(comparison.ContainmentBInA)} · " +
            $"relation [bold]{Markup.Escape(relation)}[/]");
        console.MarkupLine($"{Plural(passages.Count, "passage")}, {Plural(edits, "edit")}");
        if (passages.Count == 0)
        {
            console.WriteLine("No reused passages.");
            return;
        }
        console.WriteLine("Edits: [-only in A-] {+only in B+}");

        for (int i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            var colour = PassageColours[i % PassageColours.Length];
            console.WriteLine();
            console.Write(new Rule(Markup.Escape(
                $"passage {i + 1}: A[{p.AStart}, {p.AEnd}) ↔ B[{p.BStart}, {p.BEnd}) · similarity {Percent(p.Similarity)} · {Plural(p.Edits.Count, "edit")}"))
                .LeftJustified().RuleStyle(new Style(colour)));
            var pieces = Pieces(comparison.TextA, p);
            if (terminal)
            {
                var paragraph = new Paragraph();
                var common = new Style(colour);
                foreach (var (text, kind) in pieces)
                    paragraph.Append(text, kind switch { PieceKind.Deleted => Deleted, PieceKind.Inserted => Inserted, _ => common });
                console.Write(paragraph);
                console.WriteLine();
            }
            else
            {
                var plain = new StringBuilder();
                foreach (var (text, _) in pieces) plain.Append(text);
                stdout.WriteLine(plain.ToString());
            }
        }
    }

    private enum PieceKind { Common, Deleted, Inserted }

    /// <summary>The passage as A's text with each edit replaced by its markers.</summary>
    private static List<(string Text, PieceKind Kind)> Pieces(string textA, Passage p)
    {
        var pieces = new List<(string, PieceKind)>();
        var map = new CodePointMap(textA);
        int cursor = p.AStartUtf16;
        foreach (var e in p.Edits)
        {
            int start = Math.Clamp(map.ToUtf16(e.AStart), cursor, p.AEndUtf16);
            int end = Math.Clamp(map.ToUtf16(e.AEnd), start, p.AEndUtf16);
            bool moved = false;
            if (end == start)
            {
                // An insertion: shown right after A's previous word, with a space before it when A has one there.
                int at = EditLayout.EmptySidePoint(textA, start, cursor);
                moved = at < start;
                start = end = at;
            }
            if (start > cursor) pieces.Add((textA[cursor..start], PieceKind.Common));
            if (moved) pieces.Add((" ", PieceKind.Common));
            if (e.AText.Length > 0) pieces.Add(($"[-{e.AText}-]", PieceKind.Deleted));
            if (e.BText.Length > 0) pieces.Add(($"{{+{e.BText}+}}", PieceKind.Inserted));
            cursor = end;
        }
        if (p.AEndUtf16 > cursor) pieces.Add((textA[cursor..p.AEndUtf16], PieceKind.Common));
        return pieces;
    }

    private static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
