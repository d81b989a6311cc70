using NearDup.Text;

namespace NearDup;

/// <summary>
/// Every parameter of a run. The defaults and the measurements behind them are in docs/PARAMETERS.md;
/// results are deterministic for a given input and options (the thread count does not change them).
/// </summary>
public sealed record NearDupOptions
{
    /// <summary>How text becomes tokens.</summary>
    public TokenizerOptions Tokenizer { get; init; } = TokenizerOptions.Default;

    /// <summary>Tokens per shingle (k). 5 words: long enough that unrelated news rarely shares one, short enough that an edit every dozen words leaves shared shingles between.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>MinHash permutations (signature length).</summary>
    public int Permutations { get; init; } = 128;

    /// <summary>Seed of the MinHash permutations; sketches from different seeds never compare.</summary>
    public ulong Seed { get; init; } = 0x4E656172447570UL; // "NearDup"

    /// <summary>Whole-document resemblance the LSH banding is tuned for (the S-curve's threshold).</summary>
    public double LshThreshold { get; init; } = 0.7;

    /// <summary>Winnowing window (w): every shared passage of at least <c>w + k − 1</c> tokens is guaranteed a shared fingerprint.</summary>
    public int WinnowWindow { get; init; } = 8;

    /// <summary>Shared (non-furniture) fingerprints that make two documents candidates.</summary>
    public int MinSharedFingerprints { get; init; } = 2;

    /// <summary>A fingerprint in at least this many documents is checked as possible page furniture.</summary>
    public int FurnitureMinDocuments { get; init; } = 5;

    /// <summary>
    /// Page furniture sits at a page's edges (site headers, bylines, footers, disclaimers). A passage that unrelated
    /// documents share away from their edges (a press release paragraph or a quotation that several outlets reuse) is
    /// reuse, and is only treated as furniture once at least this many documents carry it (and never below
    /// <see cref="FurnitureMinDocuments"/>).
    /// </summary>
    public int FurnitureMinDocumentsInBody { get; init; } = 100;

    /// <summary>
    /// Furniture test: a frequent fingerprint is furniture unless the documents that carry it are mostly copies of
    /// each other, i.e. unless the median estimated share of the smaller document inside the other (sampled
    /// pairs, from MinHash) reaches this value. Syndicated copies pass; unrelated pages with one footer do not.
    /// </summary>
    public double FurnitureCoherence { get; init; } = 0.5;

    /// <summary>
    /// Largest group (documents sharing a fingerprint or an LSH bucket) whose every pair is a candidate. A larger group
    /// is still tested for furniture; if it is a story's copies, each member is paired with one hub copy instead, so
    /// the candidates stay linear in the group and the cluster is still whole.
    /// </summary>
    public int MaxPostings { get; init; } = 1000;

    /// <summary>Resemblance (Jaccard of content shingles) at or above which a pair is <c>duplicate</c>.</summary>
    public double DuplicateResemblance { get; init; } = 0.5;

    /// <summary>Share of the smaller document inside the larger at or above which a pair is <c>contains</c>/<c>contained</c>.</summary>
    public double ContainmentThreshold { get; init; } = 0.7;

    /// <summary>A run of shared shingles must cover at least this many tokens to count as a reused passage.</summary>
    public int MinPassageTokens { get; init; } = 12;

    /// <summary>Words in reused passages (on the side with fewer) at or above which a pair is <c>partial</c> reuse.</summary>
    public int MinSharedWords { get; init; } = 25;

    /// <summary>
    /// A shorter reused passage (still at least <see cref="MinPassageTokens"/> long) is also <c>partial</c> reuse when it is
    /// at least this share of either document: one reprinted paragraph is most of a brief.
    /// </summary>
    public double MinPartialContainment { get; init; } = 0.2;

    /// <summary>Worker threads; 0 means all cores.</summary>
    public int Threads { get; init; } = 0;

    /// <summary>Which member of a duplicate cluster represents it in the de-duplicated copy.</summary>
    public RepresentativeChoice Representative { get; init; } = RepresentativeChoice.Longest;

    /// <summary>
    /// These options with every letter a token (<see cref="TokenUnit.Characters"/>), for OCR text that splits, glues and
    /// misreads words, and with the length parameters restated in letters (an English word is about five): 10-letter
    /// shingles, a winnowing window of 16 (every shared run of 25 letters yields a fingerprint), passages of at least 25
    /// letters (OCR noise cuts runs short), and partial reuse from 150 shared letters. Counted in letters, <c>shared_words</c> is then letters too.
    /// </summary>
    public NearDupOptions ForCharacters() => this with
    {
        Tokenizer = Tokenizer with { Unit = TokenUnit.Characters },
        ShingleSize = CharacterShingleSize,
        WinnowWindow = 16,
        MinPassageTokens = 25,
        MinSharedWords = 150,
    };

    /// <summary>Letters per shingle in <see cref="ForCharacters"/>.</summary>
    public const int CharacterShingleSize = 10;

    internal int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        static void Require(bool ok, string name, object value, string rule)
        {
            if (!ok) throw new ArgumentException($"Option {name} = {value} is out of range: {rule}.", name);
        }
        Require(ShingleSize is >= 1 and <= 32, nameof(ShingleSize), ShingleSize, "1 to 32");
        Require(Permutations >= 16 && Permutations % 16 == 0 && Permutations <= 1024, nameof(Permutations), Permutations, "a multiple of 16 from 16 to 1024");
        Require(LshThreshold is > 0 and < 1, nameof(LshThreshold), LshThreshold, "strictly between 0 and 1");
        Require(WinnowWindow is >= 1 and <= 256, nameof(WinnowWindow), WinnowWindow, "1 to 256");
        Require(MinSharedFingerprints >= 1, nameof(MinSharedFingerprints), MinSharedFingerprints, "at least 1");
        Require(FurnitureMinDocuments >= 2, nameof(FurnitureMinDocuments), FurnitureMinDocuments, "at least 2");
        Require(FurnitureMinDocumentsInBody >= 2, nameof(FurnitureMinDocumentsInBody), FurnitureMinDocumentsInBody, "at least 2");
        Require(FurnitureCoherence is >= 0 and <= 1, nameof(FurnitureCoherence), FurnitureCoherence, "0 to 1");
        Require(MaxPostings >= 2, nameof(MaxPostings), MaxPostings, "at least 2");
        Require(DuplicateResemblance is > 0 and <= 1, nameof(DuplicateResemblance), DuplicateResemblance, "above 0, at most 1");
        Require(ContainmentThreshold is > 0 and <= 1, nameof(ContainmentThreshold), ContainmentThreshold, "above 0, at most 1");
        Require(MinPassageTokens >= 1, nameof(MinPassageTokens), MinPassageTokens, "at least 1");
        Require(MinSharedWords >= 1, nameof(MinSharedWords), MinSharedWords, "at least 1");
        Require(MinPartialContainment is > 0 and <= 1, nameof(MinPartialContainment), MinPartialContainment, "above 0, at most 1");
        Require(Threads >= 0, nameof(Threads), Threads, "0 (all cores) or more");
    }
}

/// <summary>Which copy stays in the de-duplicated output.</summary>
public enum RepresentativeChoice
{
    /// <summary>The member with the most tokens (the most complete copy); ties go to the earliest.</summary>
    Longest,
    /// <summary>The member read first.</summary>
    First,
}
