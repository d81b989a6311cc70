using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NearDup.Cli.Output;
using NearDup.Corpus;
using NearDup.Output;
using NearDup.Report;
using NearDup.Text;

namespace NearDup.Cli.Commands;

/// <summary>
/// <c>neardup compare A B</c> (two files) or <c>neardup compare --corpus X.jsonl ID1 ID2</c>: the pair's scores as
/// dedup computes them and its reused passages with their edits, on the terminal, as JSON (<c>--json</c>) or as
/// one self-contained HTML page (<c>--html FILE</c>).
/// </summary>
public static class CompareCommand
{
    private static readonly NearDupOptions Defaults = new();

    private static readonly Argument<string> First = new("a") { Description = "File A (.txt as UTF-8, .html through the readability extractor), or an id with --corpus." };
    private static readonly Argument<string> Second = new("b") { Description = "File B, or an id with --corpus." };
    private static readonly Option<string?> CorpusPath = new("--corpus") { Description = "Read A and B by id from this input (JSONL, Parquet or a folder) and score them within it, as dedup does (furniture learned from the whole input; costs one dedup run of it)." };
    private static readonly Option<bool> Json = new("--json") { Description = "Write the scores and passages as JSON to stdout (offsets in Unicode code points)." };
    private static readonly Option<string?> HtmlFile = new("--html") { Description = "Also write a self-contained HTML page of the two texts side by side to this file." };
    private static readonly Option<ProgressMode> Progress = new("--progress") { Description = "Progress display while --corpus is analysed.", DefaultValueFactory = _ => ProgressMode.Auto };
    private static readonly ScoringOptions Scoring = new();
    private static readonly Option<CorpusFormat> Format = new("--format") { Description = "Format of --corpus; auto detects from the path.", DefaultValueFactory = _ => CorpusFormat.Auto };
    private static readonly Option<string> IdField = new("--id-field") { Description = "JSONL key / Parquet column of the id.", DefaultValueFactory = _ => "id" };
    private static readonly Option<string> TextField = new("--text-field") { Description = "JSONL key / Parquet column of the text.", DefaultValueFactory = _ => "text" };

    /// <summary>Builds the command; its action writes through <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("compare", "Show the reused passages of two documents, with their edits and dedup's scores.")
        {
            First, Second, CorpusPath, Json, HtmlFile, Format, IdField, TextField, Progress,
        };
        foreach (var option in Scoring.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, stdout, stderr, cancellationToken)));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string first = parse.GetValue(First)!, second = parse.GetValue(Second)!;
        var options = Scoring.Apply(parse, new NearDupOptions { Threads = 1 });
        return CommandErrors.Run(stderr, () =>
        {
            options.Validate();
            var corpusOptions = new CorpusOptions
            {
                Format = parse.GetValue(Format),
                IdField = parse.GetValue(IdField)!,
                TextField = parse.GetValue(TextField)!,
            };
            corpusOptions.Validate();
            string? corpus = parse.GetValue(CorpusPath);
            PairComparison comparison;
            if (corpus is null)
            {
                var a = ReadFile(first, corpusOptions);
                var b = ReadFile(second, corpusOptions);
                comparison = PairComparison.Compare(a.Id, a.Text, b.Id, b.Text, options);
            }
            else comparison = CompareInCorpus(corpus, corpusOptions, options, first, second, parse.GetValue(Progress), stderr, cancellationToken);

            bool json = parse.GetValue(Json);
            if (parse.GetValue(HtmlFile) is { } html)
            {
                string path = Path.GetFullPath(html);
                AtomicFile.Write(path, stream =>
                {
                    using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 15, leaveOpen: true);
                    PairPage.Render(w, comparison.ToPageModel());
                });
                (json ? stderr : stdout).WriteLine($"HTML page written to {path}");
            }
            if (json) WriteJson(stdout, comparison);
            else CompareView.Write(stdout, comparison);
            return Program.ExitOk;
        });
    }

    /// <summary>The JSON form: ids, dedup's scores, coverage of each text and the passages.</summary>
    private static void WriteJson(TextWriter stdout, PairComparison c)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("a", c.IdA);
            json.WriteString("b", c.IdB);
            if (c.Relation is { } relation) json.WriteString("relation", RelationNames.JsonName(relation));
            else json.WriteNull("relation");
            json.WriteNumber("resemblance", Math.Round(c.Resemblance, 4));
            json.WriteNumber("containment_a_in_b", Math.Round(c.ContainmentAInB, 4));
            json.WriteNumber("containment_b_in_a", Math.Round(c.ContainmentBInA, 4));
            json.WriteNumber("shared_words", c.SharedWords);
            json.WriteNumber("coverage_a", Math.Round(c.Alignment.CoverageA, 4));
            json.WriteNumber("coverage_b", Math.Round(c.Alignment.CoverageB, 4));
            json.WriteNumber("tokens_a", c.Alignment.TokensA);
            json.WriteNumber("tokens_b", c.Alignment.TokensB);
            AlignmentJson.WritePassagesProperty(json, c.Alignment);
            json.WriteEndObject();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>A file as dedup reads it: .html/.htm through the corpus reader's readability extraction (as a
    /// one-file folder), anything else as strict UTF-8 text (a byte order mark is dropped).</summary>
    private static CorpusDocument ReadFile(string path, CorpusOptions options)
    {
        if (Directory.Exists(path))
            throw new CorpusException(CorpusErrorReason.UnknownFormat, new SourceLocation(path), null, "is a folder; compare takes two files (or --corpus with two ids)");
        if (!File.Exists(path))
            throw new CorpusException(CorpusErrorReason.InputNotFound, new SourceLocation(path), null, "input does not exist");
        string name = Path.GetFileName(path);
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Directory.CreateTempSubdirectory("neardup-compare-");
            try
            {
                File.Copy(path, Path.Combine(folder.FullName, name));
                var doc = Corpus.Corpus.Open([folder.FullName], options with { Format = CorpusFormat.HtmlFolder, OnBadRecord = BadRecordAction.Fail })
                    .ReadDocuments().Single();
                return doc with { Id = path, Location = new SourceLocation(path) };
            }
            catch (CorpusException e)
            {
                throw new CorpusException(e.Reason, new SourceLocation(path), e.Field, e.Detail, e);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
        byte[] bytes = File.ReadAllBytes(path);
        int skip = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, skip, bytes.Length - skip);
            return new CorpusDocument(0, path, text, new SourceLocation(path));
        }
        catch (DecoderFallbackException e)
        {
            int offset = skip + Math.Max(0, e.Index);
            long line = bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n') + 1;
            throw new CorpusException(CorpusErrorReason.InvalidUtf8, new SourceLocation(path, line), null, $"invalid UTF-8 at byte {offset}");
        }
    }

    /// <summary>
    /// The documents with ids <paramref name="idA"/> and <paramref name="idB"/> compared within their corpus: the whole
    /// input is analysed as <c>neardup dedup</c> analyses it (all cores), so the page furniture learned from it is
    /// discounted and the scores equal the pair's line in dedup's pairs.jsonl. Costs one dedup run of the corpus.
    /// </summary>
    private static PairComparison CompareInCorpus(string corpus, CorpusOptions corpusOptions, NearDupOptions options,
        string idA, string idB, ProgressMode progressMode, TextWriter stderr, CancellationToken cancellationToken)
    {
        options = options with { Threads = 0 };
        CorpusDocument? a = null, b = null;
        IEnumerable<CorpusDocument> Watch(IEnumerable<CorpusDocument> documents)
        {
            foreach (var doc in documents)
            {
                if (a is null && doc.Id == idA) a = doc;
                if (b is null && doc.Id == idB) b = doc;
                yield return doc;
            }
        }
        var reader = Corpus.Corpus.Open([corpus], corpusOptions);
        var spill = Directory.CreateTempSubdirectory("neardup-compare-");
        try
        {
            using var result = ProgressDisplay.Run(progressMode, stderr,
                progress => new DedupPipeline(options, spill.FullName).Run(Watch(reader.ReadDocuments()), () => reader.BytesRead, reader.TotalBytes, progress, cancellationToken));
            MissingIds(corpus, corpusOptions, idA, idB, a, b);
            return PairComparison.Compare(result, a!, b!, options);
        }
        finally
        {
            spill.Delete(recursive: true);
        }
    }

    private static void MissingIds(string corpus, CorpusOptions options, string idA, string idB, CorpusDocument? a, CorpusDocument? b)
    {
        var missing = new[] { (idA, a), (idB, b) }.Where(x => x.Item2 is null).Select(x => $"'{x.Item1}'").Distinct().ToList();
        if (missing.Count > 0)
            throw new CorpusException(CorpusErrorReason.MissingId, new SourceLocation(corpus), options.IdField,
                $"no document with id {string.Join(" or ", missing)}");
    }
}
