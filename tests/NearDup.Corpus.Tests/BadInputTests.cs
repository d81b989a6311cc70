using System.Text;
using NearDup.Corpus;

namespace NearDup.Corpus.Tests;

public class BadInputTests
{
    private const string Good = "{\"id\":\"ok\",\"text\":\"fine\"}\n";

    public static TheoryData<string, CorpusErrorReason, string?, string> BadJsonlLines => new()
    {
        { "{\"id\":\"x\",\"text\":\"unterminated\"", CorpusErrorReason.MalformedJson, null, "malformed JSON" },
        { "[1,2,3]", CorpusErrorReason.MalformedJson, null, "line is not a JSON object" },
        { "{\"id\":\"x\",\"text\":\"y\"} {\"id\":\"z\"}", CorpusErrorReason.MalformedJson, null, "malformed JSON" },
        { "{\"id\":\"x\",\"text\":\"\\ud800\"}", CorpusErrorReason.MalformedJson, null, "malformed JSON" },
        { "{\"text\":\"no id\"}", CorpusErrorReason.MissingId, "id", "field \"id\" is missing" },
        { "{\"id\":null,\"text\":\"null id\"}", CorpusErrorReason.MissingId, "id", "field \"id\" is missing" },
        { "{\"id\":\"x\"}", CorpusErrorReason.MissingText, "text", "field \"text\" is missing" },
        { "{\"id\":\"x\",\"text\":5}", CorpusErrorReason.WrongFieldType, "text", "field \"text\" must be a string, not a number" },
        { "{\"id\":true,\"text\":\"t\"}", CorpusErrorReason.WrongFieldType, "id", "field \"id\" must be a string or a number, not a boolean" },
        { "{\"id\":{\"a\":1},\"text\":\"t\"}", CorpusErrorReason.WrongFieldType, "id", "field \"id\" must be a string or a number, not an object" },
        { "{\"id\":\"x\",\"text\":\"  \\n\\t \"}", CorpusErrorReason.EmptyDocument, "text", "field \"text\" is empty" },
        { "{\"id\":\"ok\",\"text\":\"again\"}", CorpusErrorReason.DuplicateId, "id", "duplicate id \"ok\"" },
    };

    [Theory]
    [MemberData(nameof(BadJsonlLines))]
    public void A_bad_jsonl_line_fails_naming_file_line_and_field(string badLine, CorpusErrorReason reason, string? field, string detail)
    {
        using var dir = new TempDir();
        string path = dir.Write("data.jsonl", Good + "\n" + badLine + "\n" + "{\"id\":\"later\",\"text\":\"t\"}\n");

        var error = TestFiles.ReadExpectingError([path]);

        Assert.Equal(reason, error.Reason);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Null(error.Row);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"{path}:3: {detail}", error.Message);
    }

    [Theory]
    [MemberData(nameof(BadJsonlLines))]
    public void With_skip_a_bad_jsonl_line_is_counted_and_reading_continues(string badLine, CorpusErrorReason reason, string? field, string detail)
    {
        _ = field;
        _ = detail;
        using var dir = new TempDir();
        string path = dir.Write("data.jsonl", Good + badLine + "\n" + "{\"id\":\"later\",\"text\":\"t\"}\n");
        var reader = Corpus.Open([path], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });

        var docs = reader.ReadDocuments().ToList();

        Assert.Equal(["ok", "later"], docs.Select(d => d.Id));
        Assert.Equal([0L, 1L], docs.Select(d => d.Ordinal)); // skipped records use no ordinal
        Assert.Equal(1, reader.SkipReport.Total);
        Assert.Equal(1, reader.SkipReport.Count(reason));
        var example = Assert.Single(reader.SkipReport.Examples(reason));
        Assert.Equal(new SourceLocation(path, 2), example.Location);
    }

    [Fact]
    public void Duplicate_ids_are_detected_across_inputs_and_the_second_occurrence_is_the_bad_one()
    {
        using var dir = new TempDir();
        string first = dir.Write("one.jsonl", "{\"id\":\"dup\",\"text\":\"first\"}\n");
        string second = dir.Write("two.jsonl", "{\"id\":\"other\",\"text\":\"x\"}\n{\"id\":\"dup\",\"text\":\"second\"}\n");

        var error = TestFiles.ReadExpectingError([first, second]);
        Assert.Equal(CorpusErrorReason.DuplicateId, error.Reason);
        Assert.Equal(second, error.File);
        Assert.Equal(2, error.Line);

        var docs = TestFiles.ReadAll([first, second], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });
        Assert.Equal(["first", "x"], docs.Select(d => d.Text));
    }

    [Fact]
    public void Invalid_utf8_in_jsonl_is_found_even_in_an_ignored_field()
    {
        using var dir = new TempDir();
        var bytes = Encoding.UTF8.GetBytes(Good)
            .Concat(TestFiles.Latin("{\"id\":\"x\",\"text\":\"fine\",\"note\":\"caf~\"}\n", (byte)'~', 0xE9))
            .ToArray();
        string path = dir.Write("bad-utf8.jsonl", bytes);

        var error = TestFiles.ReadExpectingError([path]);

        Assert.Equal(CorpusErrorReason.InvalidUtf8, error.Reason);
        Assert.Equal(2, error.Line);
        Assert.Equal($"{path}:2: invalid UTF-8 (byte 0xE9 at column 36)", error.Message);
    }

    [Fact]
    public void Invalid_utf8_in_a_text_file_names_the_file_and_line()
    {
        using var dir = new TempDir();
        dir.Write("texts/a.txt", "good");
        string bad = dir.Write("texts/b.txt", TestFiles.Latin("line one\nline two\nit~s line three\n", (byte)'~', 0x92));

        var error = TestFiles.ReadExpectingError([Path.Combine(dir.Path, "texts")]);

        Assert.Equal(CorpusErrorReason.InvalidUtf8, error.Reason);
        Assert.Equal(bad, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal($"{bad}:3: invalid UTF-8 (byte 0x92 at column 3)", error.Message);
    }

    [Fact]
    public void Empty_documents_are_bad_unless_allowed()
    {
        using var dir = new TempDir();
        string path = dir.Write("empty.jsonl", "{\"id\":\"e\",\"text\":\"\"}\n");

        Assert.Equal(CorpusErrorReason.EmptyDocument, TestFiles.ReadExpectingError([path]).Reason);
        Assert.Equal("", Assert.Single(TestFiles.ReadAll(path, new CorpusOptions { AllowEmpty = true })).Text);
    }

    [Fact]
    public void Too_large_documents_are_bad_in_every_format()
    {
        using var dir = new TempDir();
        var options = new CorpusOptions { MaxDocumentChars = 10 };
        string jsonl = dir.Write("big.jsonl", "{\"id\":\"small\",\"text\":\"0123456789\"}\n{\"id\":\"big\",\"text\":\"0123456789A\"}\n");
        dir.Write("texts/small.txt", "0123456789");
        string bigText = dir.Write("texts/big.txt", "0123456789A");
        string hugeText = dir.Write("texts/huge.txt", new string('x', 100)); // refused by size, without being read

        var error = TestFiles.ReadExpectingError([jsonl], options);
        Assert.Equal(CorpusErrorReason.DocumentTooLarge, error.Reason);
        Assert.Equal(2, error.Line);
        Assert.Equal("text", error.Field);

        error = TestFiles.ReadExpectingError([Path.Combine(dir.Path, "texts")], options);
        Assert.Equal(CorpusErrorReason.DocumentTooLarge, error.Reason);
        Assert.Equal(bigText, error.File);

        var reader = Corpus.Open([jsonl, Path.Combine(dir.Path, "texts")], options with { OnBadRecord = BadRecordAction.Skip });
        Assert.Equal(["small", "small.txt"], reader.ReadDocuments().Select(d => d.Id));
        Assert.Equal(3, reader.SkipReport.Count(CorpusErrorReason.DocumentTooLarge));
        Assert.Contains(reader.SkipReport.Examples(CorpusErrorReason.DocumentTooLarge), e => e.Location.File == hugeText);
    }

    [Fact]
    public void A_line_too_long_for_any_valid_document_is_dropped_without_buffering_it()
    {
        using var dir = new TempDir();
        // The limit allows 6 bytes per char plus 16 MiB of metadata; this line is far longer and has no newline for 20 MB.
        var options = new CorpusOptions { MaxDocumentChars = 1, OnBadRecord = BadRecordAction.Skip, JsonlBufferSize = 4096 };
        string path = dir.Write("runaway.jsonl",
            "{\"id\":\"a\",\"text\":\"x\"}\n" + "{\"id\":\"b\",\"text\":\"" + new string('y', 20_000_000) + "\"}\n" + "{\"id\":\"c\",\"text\":\"z\"}\n");

        var reader = Corpus.Open([path], options);
        var docs = reader.ReadDocuments().ToList();

        Assert.Equal(["a", "c"], docs.Select(d => d.Id));
        Assert.Equal(3, docs[1].Location.Line);
        var skipped = Assert.Single(reader.SkipReport.Examples(CorpusErrorReason.DocumentTooLarge));
        Assert.Equal(2, skipped.Location.Line);
    }

    [Fact]
    public void Missing_paths_are_fatal_even_when_skipping()
    {
        using var dir = new TempDir();
        string missing = Path.Combine(dir.Path, "nope.jsonl");

        var error = Assert.Throws<CorpusException>(() => Corpus.Open([missing], new CorpusOptions { OnBadRecord = BadRecordAction.Skip }));

        Assert.Equal(CorpusErrorReason.InputNotFound, error.Reason);
        Assert.Equal(missing, error.File);
        Assert.False(error.IsSkippable);
        Assert.Equal($"{missing}: input does not exist", error.Message);
    }

    [Fact]
    public void Unknown_formats_are_fatal()
    {
        using var dir = new TempDir();
        string csv = dir.Write("data.csv", "id,text\n1,hello\n");
        string gzOnly = dir.Write("data.gz", "x");
        dir.Write("other/readme.md", "# nothing to read");

        foreach (var path in new[] { csv, gzOnly, Path.Combine(dir.Path, "other") })
        {
            var error = Assert.Throws<CorpusException>(() => Corpus.Open([path], new CorpusOptions { OnBadRecord = BadRecordAction.Skip }));
            Assert.Equal(CorpusErrorReason.UnknownFormat, error.Reason);
            Assert.Equal(path, error.File);
        }

        var mismatch = Assert.Throws<CorpusException>(() => Corpus.Open([csv], new CorpusOptions { Format = CorpusFormat.TextFolder }));
        Assert.Equal(CorpusErrorReason.UnknownFormat, mismatch.Reason);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_unreadable_and_fatal_even_when_skipping()
    {
        using var dir = new TempDir();
        string good = dir.WriteGzip("good.jsonl.gz", string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"document number {i}\"}}\n")));
        var bytes = File.ReadAllBytes(good);
        for (int i = 12; i < 20; i++)
            bytes[i] ^= 0x55;
        string path = dir.Write("broken.jsonl.gz", bytes);

        var error = TestFiles.ReadExpectingError([path], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });

        Assert.Equal(CorpusErrorReason.UnreadableFile, error.Reason);
        Assert.Equal(path, error.File);
        Assert.NotNull(error.Line);
        Assert.StartsWith($"{path}:{error.Line}: cannot read file: ", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_file_surfaces_as_a_malformed_last_line()
    {
        // .NET's GZipStream ends quietly at a truncated member, so the cut shows up as the last, partial line.
        using var dir = new TempDir();
        string good = dir.WriteGzip("good.jsonl.gz", string.Concat(Enumerable.Range(0, 100).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"hello world {i}\"}}\n")));
        var bytes = File.ReadAllBytes(good);
        string path = dir.Write("cut.jsonl.gz", bytes[..(bytes.Length / 2)]);

        var error = TestFiles.ReadExpectingError([path]);

        Assert.Equal(CorpusErrorReason.MalformedJson, error.Reason);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_unreadable()
    {
        using var dir = new TempDir();
        string path = dir.Write("fake.parquet", "this is not a parquet file at all");

        var error = TestFiles.ReadExpectingError([path], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });

        Assert.Equal(CorpusErrorReason.UnreadableFile, error.Reason);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_file_deleted_after_open_is_unreadable()
    {
        using var dir = new TempDir();
        string path = dir.Write("gone.jsonl", Good);
        var reader = Corpus.Open([path], new CorpusOptions());
        File.Delete(path);

        var error = Assert.Throws<CorpusException>(() => reader.ReadDocuments().ToList());

        Assert.Equal(CorpusErrorReason.UnreadableFile, error.Reason);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Skip_report_counts_each_reason_and_keeps_the_first_locations()
    {
        using var dir = new TempDir();
        var lines = new List<string> { Good.TrimEnd('\n') };
        for (int i = 0; i < 15; i++)
            lines.Add("not json");
        lines.Add("{\"id\":\"ok\",\"text\":\"dup\"}");
        lines.Add("{\"id\":\"x\"}");
        lines.Add("{\"id\":\"y\",\"text\":\"kept\"}");
        string path = dir.Write("mess.jsonl", string.Join("\n", lines));
        var reader = Corpus.Open([path], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });

        var docs = reader.ReadDocuments().ToList();

        Assert.Equal(["ok", "y"], docs.Select(d => d.Id));
        var report = reader.SkipReport;
        Assert.Equal(17, report.Total);
        Assert.Equal(new Dictionary<CorpusErrorReason, long>
        {
            [CorpusErrorReason.MalformedJson] = 15,
            [CorpusErrorReason.MissingText] = 1,
            [CorpusErrorReason.DuplicateId] = 1,
        }, report.Counts);
        var examples = report.Examples(CorpusErrorReason.MalformedJson);
        Assert.Equal(report.MaxExamplesPerReason, examples.Count);
        Assert.Equal(Enumerable.Range(2, examples.Count).Select(n => (long?)n), examples.Select(e => e.Location.Line));
        Assert.StartsWith("17 bad records skipped: MalformedJson 15 (", report.ToString());
    }

    [Fact]
    public void Options_with_clashing_field_names_are_rejected()
    {
        var options = new CorpusOptions { TitleField = "text" };
        Assert.Throws<ArgumentException>(() => Corpus.Open([TestFiles.Fixture("news.jsonl")], options));
    }
}
