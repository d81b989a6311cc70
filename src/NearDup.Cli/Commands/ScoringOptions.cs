using System.CommandLine;
using NearDup.Text;

namespace NearDup.Cli.Commands;

/// <summary>
/// The options that decide how a pair is tokenised and scored, shared by <c>dedup</c> and <c>compare</c> so that
/// <c>compare --corpus</c> given the same values reproduces a dedup run's scores. Each command makes its own set
/// (an option belongs to one command).
/// </summary>
internal sealed class ScoringOptions
{
    private static readonly NearDupOptions Defaults = new();

    public Option<int> ShingleSize { get; } = new("--shingle-size") { Description = "Tokens per shingle.", DefaultValueFactory = _ => Defaults.ShingleSize };
    public Option<TokenUnit> Tokens { get; } = new("--tokens") { Description = "Words, or Characters for OCR-damaged text.", DefaultValueFactory = _ => TokenUnit.Words };
    public Option<int> StemPrefix { get; } = new("--stem-prefix") { Description = "Hash words on their first N letters (0 = whole words).", DefaultValueFactory = _ => Defaults.Tokenizer.StemPrefix };
    public Option<double> Duplicate { get; } = new("--duplicate") { Description = "Resemblance at or above which a pair is a duplicate.", DefaultValueFactory = _ => Defaults.DuplicateResemblance };
    public Option<double> Containment { get; } = new("--containment") { Description = "Share of the smaller inside the larger for contains/contained.", DefaultValueFactory = _ => Defaults.ContainmentThreshold };
    public Option<int> MinSharedWords { get; } = new("--min-shared-words") { Description = "Words in reused passages for partial reuse.", DefaultValueFactory = _ => Defaults.MinSharedWords };
    public Option<int> FurnitureMinDocs { get; } = new("--furniture-min-docs") { Description = "Documents a passage must appear in before it can be furniture.", DefaultValueFactory = _ => Defaults.FurnitureMinDocuments };

    public Option<int> FurnitureMinDocsInBody { get; } = new("--furniture-min-docs-in-body") { Description = "Documents a passage away from their start and end (a quoted press release) must appear in before it can be furniture.", DefaultValueFactory = _ => Defaults.FurnitureMinDocumentsInBody };

    public IEnumerable<Option> All => [ShingleSize, Tokens, StemPrefix, Duplicate, Containment, MinSharedWords, FurnitureMinDocs, FurnitureMinDocsInBody];

    /// <summary><paramref name="options"/> with the scoring values parsed from the command line.</summary>
    public NearDupOptions Apply(ParseResult parse, NearDupOptions options) => options with
    {
        ShingleSize = parse.GetValue(ShingleSize),
        Tokenizer = new TokenizerOptions { Unit = parse.GetValue(Tokens), StemPrefix = parse.GetValue(StemPrefix) },
        DuplicateResemblance = parse.GetValue(Duplicate),
        ContainmentThreshold = parse.GetValue(Containment),
        MinSharedWords = parse.GetValue(MinSharedWords),
        FurnitureMinDocuments = parse.GetValue(FurnitureMinDocs),
        FurnitureMinDocumentsInBody = parse.GetValue(FurnitureMinDocsInBody),
    };
}
