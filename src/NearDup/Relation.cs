namespace NearDup;

/// <summary>How two documents relate, read from <c>a</c>'s side.</summary>
public enum Relation
{
    /// <summary>Near-duplicates: resemblance at or above the duplicate threshold.</summary>
    Duplicate,
    /// <summary><c>a</c> contains <c>b</c>: most of <c>b</c> is inside <c>a</c>.</summary>
    Contains,
    /// <summary><c>a</c> is contained in <c>b</c>: most of <c>a</c> is inside <c>b</c>.</summary>
    Contained,
    /// <summary>They share reused passages, but neither is mostly inside the other.</summary>
    Partial,
}

/// <summary>A verified related pair. <c>A</c> is always the document read first.</summary>
/// <param name="A">Ordinal of the first document.</param>
/// <param name="B">Ordinal of the second document.</param>
/// <param name="Relation">The relation, from A's side.</param>
/// <param name="Resemblance">Jaccard of the two content-shingle sets (furniture removed).</param>
/// <param name="ContainmentAInB">Share of A's content shingles found in B.</param>
/// <param name="ContainmentBInA">Share of B's content shingles found in A.</param>
/// <param name="SharedShingles">Content shingles in both.</param>
/// <param name="SharedWords">Words inside reused passages, counted on the side with fewer.</param>
public sealed record RelatedPair(
    int A, int B, Relation Relation, double Resemblance, double ContainmentAInB, double ContainmentBInA,
    int SharedShingles, int SharedWords);

/// <summary>A cluster of copies of one story: documents linked by duplicate or containment relations.</summary>
/// <param name="Id">0-based cluster number, in order of the smallest member.</param>
/// <param name="Representative">Ordinal of the member kept in the de-duplicated copy.</param>
/// <param name="Members">Ordinals of all members, ascending.</param>
public sealed record DuplicateCluster(int Id, int Representative, int[] Members);
