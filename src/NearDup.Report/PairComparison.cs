using NearDup.Align;
using NearDup.Corpus;

namespace NearDup.Report;

/// <summary>
/// Two documents compared the way <c>neardup dedup</c> scores a pair, plus their passages: what
/// <c>neardup compare</c> shows.
/// </summary>
/// <param name="IdA">Id (or file name) of A.</param>
/// <param name="IdB">Id (or file name) of B.</param>
/// <param name="TextA">Text of A.</param>
/// <param name="TextB">Text of B.</param>
/// <param name="Relation">The relation dedup would report, or null when dedup would not pair them.</param>
/// <param name="Resemblance">Jaccard of the content shingle sets, as dedup computes it.</param>
/// <param name="ContainmentAInB">Share of A's content shingles found in B.</param>
/// <param name="ContainmentBInA">Share of B's content shingles found in A.</param>
/// <param name="SharedWords">Words in reused passages (the verifier's count, on the side with fewer).</param>
/// <param name="Alignment">The passages.</param>
public sealed record PairComparison(
    string IdA, string IdB, string TextA, string TextB, Relation? Relation, double Resemblance,
    double ContainmentAInB, double ContainmentBInA, int SharedWords, Alignment Alignment)
{
    /// <summary>
    /// Compares <paramref name="textA"/> with <paramref name="textB"/>: the scores come from
    /// <see cref="DedupPipeline"/> run on just these two documents and its verifier, so they are dedup's numbers
    /// for the pair (dedup over a larger corpus can differ only where it learned page furniture, which two documents
    /// cannot teach); the passages come from <see cref="ReportAligner"/>.
    /// </summary>
    public static PairComparison Compare(string idA, string textA, string idB, string textB, NearDupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(textA);
        ArgumentNullException.ThrowIfNull(textB);
        options ??= new NearDupOptions();
        var docs = new[]
        {
            new CorpusDocument(0, idA, textA, new SourceLocation(idA)),
            new CorpusDocument(1, idB, textB, new SourceLocation(idB)),
        };
        using var result = new DedupPipeline(options with { Threads = 1 }).Run(docs);
        var verifier = result.CreateVerifier();
        var scores = verifier.Measure(result.Documents[0], result.Documents[1]);
        var related = verifier.Verify(result.Documents[0], result.Documents[1]);
        var alignment = new ReportAligner(options, result.Furniture).Align(textA, textB);
        return new PairComparison(idA, idB, textA, textB, related?.Relation, scores.Resemblance, scores.ContainmentAInB,
            scores.ContainmentBInA, scores.SharedWords, alignment);
    }

    /// <summary>
    /// Compares two documents of an analysed corpus: the scores are exactly the ones <c>neardup dedup</c> gives the
    /// pair over that corpus (the same verifier, with the page furniture learned from the whole corpus), and the
    /// passages leave that furniture out, as the report does.
    /// </summary>
    /// <param name="result">The analysed corpus.</param>
    /// <param name="a">Document A, as read (its <see cref="CorpusDocument.Ordinal"/> indexes <paramref name="result"/>).</param>
    /// <param name="b">Document B, as read.</param>
    /// <param name="options">The options <paramref name="result"/> was made with.</param>
    public static PairComparison Compare(DedupResult result, CorpusDocument a, CorpusDocument b, NearDupOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var docA = result.Documents[checked((int)a.Ordinal)];
        var docB = result.Documents[checked((int)b.Ordinal)];
        if (docA.Id != a.Id || docB.Id != b.Id)
            throw new ArgumentException("The documents are not the ones the result was made from (ordinal and id differ).");
        var verifier = result.CreateVerifier();
        var scores = verifier.Measure(docA, docB);
        var related = verifier.Verify(docA, docB);
        var alignment = new ReportAligner(options, result.Furniture).Align(a.Text, b.Text);
        return new PairComparison(a.Id, b.Id, a.Text, b.Text, related?.Relation, scores.Resemblance, scores.ContainmentAInB,
            scores.ContainmentBInA, scores.SharedWords, alignment);
    }

    /// <summary>The page model of this comparison.</summary>
    public PairPageModel ToPageModel() => new()
    {
        IdA = IdA,
        IdB = IdB,
        TextA = TextA,
        TextB = TextB,
        Alignment = Alignment,
        Relation = Relation,
        Resemblance = Resemblance,
        ContainmentAInB = ContainmentAInB,
        ContainmentBInA = ContainmentBInA,
        SharedWords = SharedWords,
    };
}
