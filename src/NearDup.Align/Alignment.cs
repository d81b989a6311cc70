namespace NearDup.Align;

/// <summary>The reused passages of a pair of texts.</summary>
/// <param name="Passages">Passages in order of their start in A; no token of A, and no token of B, is in two passages.
/// Their order in B may differ (moved passages).</param>
/// <param name="CoverageA">Share of A's tokens inside passages (0 when A has no tokens).</param>
/// <param name="CoverageB">Share of B's tokens inside passages (0 when B has no tokens).</param>
/// <param name="TokensA">Tokens in A.</param>
/// <param name="TokensB">Tokens in B.</param>
public sealed record Alignment(IReadOnlyList<Passage> Passages, double CoverageA, double CoverageB, int TokensA, int TokensB)
{
    /// <summary>Whether any passage was found.</summary>
    public bool IsEmpty => Passages.Count == 0;

    /// <summary>
    /// Share of A's tokens that lie in some run of at least <see cref="AlignerOptions.SeedSize"/> tokens also found in
    /// B (anywhere, and whether or not the run is part of a passage): token-level containment of A in B by shared
    /// seed runs. A loose measure: it counts the short shared phrases a passage needs too many of to be accepted
    /// (a heavily reworded copy keeps many), and also the chance phrases of two texts on one topic. Use it to rank
    /// texts against one source, not as proof of reuse; <see cref="CoverageA"/> is the measure of reuse. Measured only
    /// with <see cref="AlignerOptions.MeasureSharedRuns"/>; 0 otherwise.
    /// </summary>
    public double SharedRunCoverageA { get; init; }

    /// <summary>Share of B's tokens in some run of at least <see cref="AlignerOptions.SeedSize"/> tokens also found
    /// in A (see <see cref="SharedRunCoverageA"/>).</summary>
    public double SharedRunCoverageB { get; init; }
}

/// <summary>
/// A stretch of A and a stretch of B that correspond: monotone inside, from the start of its first matched
/// token to the end of its last, in each text. Offsets are Unicode code points (what Python's <c>str</c> indexes
/// by), end exclusive; the UTF-16 offsets (what .NET's <c>string</c> indexes by) are given too.
/// </summary>
/// <param name="AStart">Code point offset in A of the passage's first token.</param>
/// <param name="AEnd">Code point offset in A just past the passage's last token.</param>
/// <param name="BStart">Code point offset in B of the passage's first token.</param>
/// <param name="BEnd">Code point offset in B just past the passage's last token.</param>
/// <param name="AStartUtf16">UTF-16 offset in A of the passage's first token.</param>
/// <param name="AEndUtf16">UTF-16 offset in A just past the passage's last token.</param>
/// <param name="BStartUtf16">UTF-16 offset in B of the passage's first token.</param>
/// <param name="BEndUtf16">UTF-16 offset in B just past the passage's last token.</param>
/// <param name="ATokens">Tokens of A in the passage.</param>
/// <param name="BTokens">Tokens of B in the passage.</param>
/// <param name="MatchedTokens">Tokens aligned as equal (the same count on both sides).</param>
/// <param name="Similarity">MatchedTokens / max(ATokens, BTokens).</param>
/// <param name="Edits">The word-level edit script from A's stretch to B's, in text order.</param>
public sealed record Passage(
    int AStart, int AEnd, int BStart, int BEnd,
    int AStartUtf16, int AEndUtf16, int BStartUtf16, int BEndUtf16,
    int ATokens, int BTokens, int MatchedTokens, double Similarity,
    IReadOnlyList<Edit> Edits);

/// <summary>What an edit does to A's text to make B's.</summary>
public enum EditKind
{
    /// <summary>Tokens in B with nothing opposite in A (A's range is empty: the insertion point).</summary>
    Insert,
    /// <summary>Tokens in A with nothing opposite in B (B's range is empty: where they would have been).</summary>
    Delete,
    /// <summary>A run of tokens in A replaced by a run in B (either may be longer): a respelling, tense change,
    /// transliteration, OCR error or rewording between two matched tokens.</summary>
    Substitute,
}

/// <summary>
/// One edit inside a passage: a maximal run of unmatched tokens between matched ones. Offsets are code points,
/// end exclusive, from the start of the run's first token to the end of its last; an empty side sits at the
/// start of the next matched token of that text. The texts are the original (not normalised) characters.
/// </summary>
/// <param name="Kind">Insert, Delete or Substitute.</param>
/// <param name="AStart">Code point offset in A of the run's start (the insertion point for an insert).</param>
/// <param name="AEnd">Code point offset in A of the run's end (equal to AStart for an insert).</param>
/// <param name="BStart">Code point offset in B of the run's start (where the deleted text was, for a delete).</param>
/// <param name="BEnd">Code point offset in B of the run's end (equal to BStart for a delete).</param>
/// <param name="AText">A's text of the run ("" for an insert).</param>
/// <param name="BText">B's text of the run ("" for a delete).</param>
public sealed record Edit(EditKind Kind, int AStart, int AEnd, int BStart, int BEnd, string AText, string BText)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EditKind.Insert => $"+[{BText}]",
        EditKind.Delete => $"-[{AText}]",
        _ => $"[{AText}]→[{BText}]",
    };
}
