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

    public Option<int> ShingleSize { get; } = new("--shingle-size") { Description = $"Tokens per shingle (with --tokens Characters: {NearDupOptions.CharacterShingleSize}).", DefaultValueFactory = _ => Defaults.ShingleSize };
    public Option<TokenUnit> Tokens { get; } = new("--tokens") { Description = "Words, or Characters for OCR-damaged text (lengths are then in letters; see docs/PARAMETERS.md).", DefaultValueFactory = _ => TokenUnit.Words };
    public Option<int> StemPrefix { get; } = new("--stem-prefix") { Description = "Hash words on their first N letters (0 = whole words).", DefaultValueFactory = _ => Defaults.Tokenizer.StemPrefix };
    public Option<double> Duplicate { get; } = new("--duplicate") { Description = "Resemblance at or above which a pair is a duplicate.", DefaultValueFactory = _ => Defaults.DuplicateResemblance };
    public Option<double> Containment { get; } = new("--containment") { Description = "Share of the smaller inside the larger for contains/contained.", DefaultValueFactory = _ => Defaults.ContainmentThreshold };
    public Option<int> MinSharedWords { get; } = new("--min-shared-words") { Description = $"Words in reused passages for partial reuse (with --tokens Characters, letters: {Defaults.ForCharacters().MinSharedWords}).", DefaultValueFactory = _ => Defaults.MinSharedWords };
    public Option<int> FurnitureMinDocs { get; } = new("--furniture-min-docs") { Description = "Documents a passage must appear in before it can be furniture.", DefaultValueFactory = _ => Defaults.FurnitureMinDocuments };

    public Option<int> FurnitureMinDocsInBody { get; } = new("--furniture-min-docs-in-body") { Description = "Documents a passage away from their start and end (a quoted press release) must appear in before it can be furniture.", DefaultValueFactory = _ => Defaults.FurnitureMinDocumentsInBody };

    public IEnumerable<Option> All => [ShingleSize, Tokens, StemPrefix, Duplicate, Containment, MinSharedWords, FurnitureMinDocs, FurnitureMinDocsInBody];

    /// <summary><paramref name="options"/> with the scoring values parsed from the command line.</summary>
    /// <remarks>With <c>--tokens Characters</c>, the lengths the user did not give come from
    /// <see cref="NearDupOptions.ForCharacters"/> (letters, not the word defaults).</remarks>
    public NearDupOptions Apply(ParseResult parse, NearDupOptions options)
    {
        var unit = parse.GetValue(Tokens);
        var baseline = unit == TokenUnit.Characters ? options.ForCharacters() : options;
        T Given<T>(Option<T> option, T fallback) => parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : fallback;
        return baseline with
        {
            ShingleSize = Given(ShingleSize, baseline.ShingleSize),
            Tokenizer = baseline.Tokenizer with { Unit = unit, StemPrefix = parse.GetValue(StemPrefix) },
            DuplicateResemblance = parse.GetValue(Duplicate),
            ContainmentThreshold = parse.GetValue(Containment),
            MinSharedWords = Given(MinSharedWords, baseline.MinSharedWords),
            FurnitureMinDocuments = parse.GetValue(FurnitureMinDocs),
            FurnitureMinDocumentsInBody = parse.GetValue(FurnitureMinDocsInBody),
        };
    }
}
