using NearDup.Align;
using NearDup.Candidates;
using NearDup.Sketches;
using NearDup.Text;

namespace NearDup.Report;

/// <summary>
/// Aligns the two texts of a pair for display and for <c>pairs.jsonl</c>: <see cref="PassageAligner"/> with its
/// defaults (3-token seeds) and the run's tokenizer, then drops the passages that are page furniture.
/// </summary>
/// <remarks>
/// <para>Why furniture is filtered afterwards: the run's <see cref="FurnitureModel"/> knows
/// <see cref="NearDupOptions.ShingleSize"/>-token shingles (folded to 32 bits), while the aligner seeds on 3-token
/// shingles, so the model cannot serve as the aligner's seed predicate. Instead every token of A covered by a
/// furniture shingle is marked, and a passage keeps its place only when at least
/// <see cref="AlignerOptions.MinPassageTokensFor"/> (the pair's passage length) of its A-side tokens are not
/// furniture, the same bar the aligner sets for seeds. A shared footer thus never shows as a passage, while a reprinted story that runs into the footer
/// keeps its passage (footer included). Coverage is recomputed over the passages kept.</para>
/// <para>Not thread-safe (it holds the aligner's buffers): create one per thread; creation is cheap.</para>
/// </remarks>
public sealed class ReportAligner
{
    private readonly PassageAligner _aligner;
    private readonly FurnitureModel _furniture;
    private readonly int _shingleSize;
    private readonly TokenizerOptions _tokenizer;
    private readonly TokenList _tokens = new(1024);
    private ulong[] _shingles = new ulong[1024];
    private bool[] _isFurniture = new bool[1024];

    /// <summary>Creates an aligner for pairs of a run made with <paramref name="options"/>, filtering <paramref name="furniture"/>.</summary>
    /// <param name="options">The run's options: their tokenizer and shingle size are used.</param>
    /// <param name="furniture">The run's furniture (<see cref="DedupResult.Furniture"/>), or null for none.</param>
    public ReportAligner(NearDupOptions options, FurnitureModel? furniture = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _aligner = new PassageAligner(AlignerOptionsFor(options));
        _furniture = furniture ?? FurnitureModel.None;
        _shingleSize = options.ShingleSize;
        _tokenizer = options.Tokenizer;
    }

    /// <summary>The aligner options used for a run's pairs: the defaults with the run's tokenizer, in letters when it counts letters.</summary>
    public static AlignerOptions AlignerOptionsFor(NearDupOptions options)
    {
        var aligner = new AlignerOptions { Tokenizer = options.Tokenizer };
        return options.Tokenizer.Unit == TokenUnit.Characters ? aligner.ForCharacters() : aligner;
    }

    /// <summary>Aligns <paramref name="a"/> with <paramref name="b"/> and drops furniture passages.</summary>
    public Alignment Align(string a, string b)
    {
        var alignment = _aligner.Align(a, b);
        if (alignment.IsEmpty || _furniture.Count == 0) return alignment;
        return DropFurniture(a, alignment);
    }

    private Alignment DropFurniture(string a, Alignment alignment)
    {
        Tokenizer.Tokenize(a, _tokenizer, _tokens);
        var tokens = _tokens.Span;
        int count = Shingles.Count(tokens.Length, _shingleSize);
        if (_shingles.Length < count) _shingles = new ulong[Math.Max(count, _shingles.Length * 2)];
        if (_isFurniture.Length < tokens.Length) _isFurniture = new bool[Math.Max(tokens.Length, _isFurniture.Length * 2)];
        Shingles.Compute(tokens, _shingleSize, _shingles);
        var marked = _isFurniture.AsSpan(0, tokens.Length);
        marked.Clear();
        for (int s = 0; s < count; s++)
        {
            if (!_furniture.IsFurniture(MinHasher.Fold(_shingles[s]))) continue;
            marked.Slice(s, Math.Min(_shingleSize, tokens.Length - s)).Fill(true);
        }
        if (!marked.Contains(true)) return alignment;

        int need = _aligner.Options.MinPassageTokensFor(alignment.TokensA, alignment.TokensB);
        var kept = new List<Passage>(alignment.Passages.Count);
        foreach (var passage in alignment.Passages)
        {
            int first = FirstTokenAtOrAfter(tokens, passage.AStartUtf16);
            int content = 0;
            for (int t = first; t < tokens.Length && tokens[t].End <= passage.AEndUtf16; t++)
                if (!marked[t]) content++;
            if (content >= need) kept.Add(passage);
        }
        if (kept.Count == alignment.Passages.Count) return alignment;
        long tokensA = kept.Sum(p => (long)p.ATokens), tokensB = kept.Sum(p => (long)p.BTokens);
        return alignment with
        {
            Passages = kept,
            CoverageA = alignment.TokensA == 0 ? 0 : (double)tokensA / alignment.TokensA,
            CoverageB = alignment.TokensB == 0 ? 0 : (double)tokensB / alignment.TokensB,
        };
    }

    private static int FirstTokenAtOrAfter(ReadOnlySpan<Token> tokens, int utf16)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < utf16) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
