using NearDup.Text;

namespace NearDup.Align;

/// <summary>
/// Parameters of <see cref="PassageAligner"/>. All lengths are in tokens (see <see cref="Tokenizer"/>).
/// </summary>
public sealed record AlignerOptions
{
    /// <summary>
    /// Tokens per seed: two texts must share a run of this many (normalised) tokens for a passage to start there.
    /// 3 finds reprints that are edited every few words; chance 3-grams of unrelated texts are filtered out by
    /// <see cref="MinPassageTokens"/>, which they cannot reach on their own.
    /// </summary>
    public int SeedSize { get; init; } = 3;

    /// <summary>
    /// Largest run of unmatched tokens, on either side, bridged inside one passage: the edits of a passage are
    /// at most this long. A bridged gap must also pay for itself (see <see cref="GapCost"/>).
    /// </summary>
    public int MaxGap { get; init; } = 12;

    /// <summary>
    /// Cost, per unmatched token on either side, of bridging a gap between two matching stretches. A stretch
    /// joins a passage across a gap only when it matches more tokens than the gap costs, so a stray shared
    /// phrase near a passage is not glued onto it while a clause inserted into one text is bridged.
    /// </summary>
    public double GapCost { get; init; } = 0.5;

    /// <summary>
    /// A passage needs at least this many matched tokens that lie in (non-furniture) seeds, in a pair of texts whose
    /// token counts multiply to at least <see cref="FullLengthPairSize"/>. Shorter shared phrases ("the United
    /// States", "said in a statement") are chance, not reuse. Smaller pairs need fewer (see
    /// <see cref="MinPassageTokensFor"/>).
    /// </summary>
    public int MinPassageTokens { get; init; } = 12;

    /// <summary>
    /// The least <see cref="MinPassageTokensFor"/> asks of any pair, however short its texts. Set it to
    /// <see cref="MinPassageTokens"/> for one fixed length.
    /// </summary>
    public int MinPassageTokensShort { get; init; } = 8;

    /// <summary>
    /// Tokens of A times tokens of B at and above which a passage needs the full <see cref="MinPassageTokens"/>;
    /// each halving of the product below it lowers the need by one token, down to <see cref="MinPassageTokensShort"/>.
    /// </summary>
    public long FullLengthPairSize { get; init; } = 1L << 21;

    /// <summary>
    /// The matched seed tokens a passage needs in a pair of <paramref name="tokensA"/> and <paramref name="tokensB"/>
    /// tokens. Two unrelated texts share chance runs at about m·n places, so the longest chance run grows with the
    /// logarithm of m·n: one token per doubling here. A short answer against a one-page source (m·n ≈ 2^16) needs
    /// 8 tokens, a pair of long documents (m·n ≥ 2^21, e.g. 2,000 × 1,000 tokens) 12.
    /// </summary>
    public int MinPassageTokensFor(int tokensA, int tokensB)
    {
        long size = Math.Max(1L, (long)tokensA * tokensB);
        if (size >= FullLengthPairSize) return MinPassageTokens;
        // Whole halvings of FullLengthPairSize that still hold size: floor(log2(FullLengthPairSize / size)).
        int halvings = 0;
        while (halvings < 62 && size << (halvings + 1) <= FullLengthPairSize) halvings++;
        return Math.Max(Math.Min(MinPassageTokensShort, MinPassageTokens), MinPassageTokens - halvings);
    }

    /// <summary>A passage needs matched tokens / max(tokens in A, tokens in B) of at least this.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>
    /// A seed (shingle) that occurs more often than this in either text seeds nothing: it bounds the work on
    /// repetitive text. Its tokens still count as matched inside a passage seeded elsewhere.
    /// </summary>
    public int MaxSeedOccurrences { get; init; } = 16;

    /// <summary>
    /// Whether a passage is extended past its first and last seed through short matches (fewer than
    /// <see cref="SeedSize"/> tokens) that a small alignment of the next <see cref="MaxGap"/> tokens finds, e.g.
    /// "Foreign Minister [Shah Mahmood] Qureshi" against "Foreign Minister Qureshi".
    /// </summary>
    public bool ExtendEdges { get; init; } = true;

    /// <summary>Whether <see cref="Alignment.SharedRunCoverageA"/> and <see cref="Alignment.SharedRunCoverageB"/> are
    /// measured (one more pass over both texts' seeds); off, they are 0. A ranking measure for evaluations: the report,
    /// <c>compare</c> and <c>--passages</c> do not use it.</summary>
    public bool MeasureSharedRuns { get; init; }

    /// <summary>How texts become tokens; tokens that normalise alike match. Edits are reported between tokens
    /// that differ after this normalisation, so with <see cref="TokenizerOptions.StemPrefix"/> set, respellings
    /// that share the prefix are matches, not edits.</summary>
    public TokenizerOptions Tokenizer { get; init; } = TokenizerOptions.Default;

    /// <summary>
    /// These options with every letter a token (<see cref="TokenUnit.Characters"/>, for OCR text) and the lengths restated in
    /// letters: 8-letter seeds, gaps of up to 40 letters, and passages of at least 50 matched letters whatever the texts'
    /// lengths (per-letter chance runs are far more common than per-word ones, so the length does not shrink for short texts).
    /// </summary>
    public AlignerOptions ForCharacters() => this with
    {
        Tokenizer = Tokenizer with { Unit = TokenUnit.Characters },
        SeedSize = 8,
        MaxGap = 40,
        MinPassageTokens = 50,
        MinPassageTokensShort = 50,
    };

    /// <summary>The defaults.</summary>
    public static AlignerOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        static void Require(bool ok, string name, object value, string rule)
        {
            if (!ok) throw new ArgumentException($"Option {name} = {value} is out of range: {rule}.", name);
        }
        Require(SeedSize is >= 1 and <= 32, nameof(SeedSize), SeedSize, "1 to 32");
        Require(MaxGap is >= 0 and <= 256, nameof(MaxGap), MaxGap, "0 to 256");
        Require(GapCost is >= 0 and < 1e6 && !double.IsNaN(GapCost), nameof(GapCost), GapCost, "0 or more");
        Require(MinPassageTokens >= 1, nameof(MinPassageTokens), MinPassageTokens, "at least 1");
        Require(MinPassageTokensShort >= 1, nameof(MinPassageTokensShort), MinPassageTokensShort, "at least 1");
        Require(FullLengthPairSize >= 1, nameof(FullLengthPairSize), FullLengthPairSize, "at least 1");
        Require(MinSimilarity is >= 0 and <= 1, nameof(MinSimilarity), MinSimilarity, "0 to 1");
        Require(MaxSeedOccurrences >= 1, nameof(MaxSeedOccurrences), MaxSeedOccurrences, "at least 1");
        Require(Tokenizer is not null, nameof(Tokenizer), "null", "not null");
    }
}
