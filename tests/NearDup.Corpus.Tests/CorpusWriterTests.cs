using System.IO.Compression;
using System.Text;
using NearDup.Corpus;
using static NearDup.Corpus.Tests.TestFiles;

namespace NearDup.Corpus.Tests;

public class CorpusWriterTests
{
    /// <summary>Reads the inputs, keeps the documents whose ids are in <paramref name="keepIds"/>, writes the subset.</summary>
    private static CorpusSubsetResult WriteKeeping(IReadOnlyList<string> inputs, CorpusOptions options, string outDir, params string[] keepIds)
    {
        var reader = Corpus.Open(inputs, options);
        var keptOrdinals = reader.ReadDocuments().Where(d => keepIds.Contains(d.Id)).Select(d => d.Ordinal).ToHashSet();
        return CorpusWriter.WriteSubset(inputs, options, keptOrdinals.Contains, outDir, reader.DocumentsRead);
    }

    private static void AssertOnlyEntries(string outDir, params string[] names)
    {
        var entries = Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(names.Order(StringComparer.Ordinal), entries); // no temporary files or folders left behind
    }

    private static List<byte[]> SplitLinesKeepingTerminators(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == '\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        if (start < bytes.Length)
            lines.Add(bytes[start..]);
        return lines;
    }

    [Fact]
    public void Jsonl_subset_keeps_original_line_bytes_and_skips_bad_records_like_the_reader()
    {
        using var dir = new TempDir();
        // Bad lines (skipped, no ordinal), CRLF, field order and spacing, unknown fields: all must survive byte for byte.
        string content =
            "{\"id\":\"a\", \"text\":\"first\",  \"extra\":{\"k\":[1,2]}}\r\n" +
            "not json\n" +
            "{\"text\":\"second\",\"id\":\"b\",\"title\":\"B\"}\n" +
            "\n" +
            "{\"id\":\"a\",\"text\":\"duplicate\"}\n" +
            "{\"id\":3,\"text\":\"caf\u00e9 \\u2013 third\"}\r\n" +
            "{\"id\":\"d\",\"text\":\"last line without newline\"}";
        string input = dir.Write("in/news.jsonl", content);
        string outDir = Path.Combine(dir.Path, "out");
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };

        var result = WriteKeeping([input], options, outDir, "a", "3", "d");

        Assert.Equal(4, result.DocumentsRead);
        Assert.Equal(3, result.DocumentsKept);
        Assert.Equal(2, result.SkipReport.Total);
        string output = Path.Combine(outDir, "news.jsonl");
        Assert.Equal([output], result.OutputPaths);
        AssertOnlyEntries(outDir, "news.jsonl");

        var inputLines = SplitLinesKeepingTerminators(File.ReadAllBytes(input));
        var expected = new[] { inputLines[0], inputLines[5], inputLines[6] }.SelectMany(l => l).ToArray();
        Assert.Equal(expected, File.ReadAllBytes(output));
        Assert.Equal(["a", "3", "d"], ReadAll(output).Select(d => d.Id));
    }

    [Fact]
    public void Gzip_jsonl_subset_is_written_as_gzip()
    {
        using var dir = new TempDir();
        string input = dir.WriteGzip("in/news.jsonl.gz", File.ReadAllText(Fixture("news.jsonl")));
        string outDir = Path.Combine(dir.Path, "out");

        WriteKeeping([input], new CorpusOptions(), outDir, "n1", "n3");

        string output = Path.Combine(outDir, "news.jsonl.gz");
        AssertOnlyEntries(outDir, "news.jsonl.gz");
        var bytes = File.ReadAllBytes(output);
        Assert.Equal([0x1F, 0x8B], bytes[..2]);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        var lines = File.ReadAllLines(Fixture("news.jsonl"));
        Assert.Equal(lines[0] + "\n" + lines[4] + "\n", text.ReadToEnd());
    }

    [Fact]
    public void Text_folder_subset_copies_kept_files_under_the_folder_name()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        string input = Fixture("texts");

        var result = WriteKeeping([input], new CorpusOptions(), outDir, "b.txt", "sub/c.txt");

        string copy = Path.Combine(outDir, "texts");
        Assert.Equal([copy], result.OutputPaths);
        AssertOnlyEntries(outDir, "texts");
        Assert.Equal(["b.txt", "sub/c.txt"], ReadAll(copy).Select(d => d.Id));
        Assert.Equal(File.ReadAllBytes(Path.Combine(input, "sub", "c.txt")), File.ReadAllBytes(Path.Combine(copy, "sub", "c.txt")));
        Assert.False(File.Exists(Path.Combine(copy, "a.txt")));
        Assert.False(File.Exists(Path.Combine(copy, "notes.md")));
    }

    [Fact]
    public void Html_folder_subset_skips_unreadable_pages_like_the_reader()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };

        var result = WriteKeeping([Fixture("site")], options, outDir, "news/rivers.html");

        Assert.Equal(2, result.DocumentsRead);
        Assert.Equal(1, result.SkipReport.Count(CorpusErrorReason.NoReadableContent));
        string copy = Path.Combine(outDir, "site");
        Assert.Equal(["news/rivers.html"], ReadAll(copy).Select(d => d.Id));
        Assert.Equal(File.ReadAllText(Path.Combine(Fixture("site"), "news", "rivers.html")), File.ReadAllText(Path.Combine(copy, "news", "rivers.html")));
    }

    [Fact]
    public async Task Parquet_subset_keeps_the_schema_and_every_column_of_the_kept_rows()
    {
        using var dir = new TempDir();
        string input = dir.File("in/docs.parquet");
        await WriteParquetAsync(input, ParquetReaderTests.FirstGroup, ParquetReaderTests.SecondGroup);
        string outDir = Path.Combine(dir.Path, "out");

        var result = WriteKeeping([input], new CorpusOptions(), outDir, "p2", "p3", "p5");

        string output = Path.Combine(outDir, "docs.parquet");
        Assert.Equal(3, result.DocumentsKept);
        AssertOnlyEntries(outDir, "docs.parquet");
        var original = await ReadParquetAsync(input);
        var copy = await ReadParquetAsync(output);
        Assert.True(original.Schema.Equals(copy.Schema), original.Schema.GetNotEqualsMessage(copy.Schema, "original", "copy"));
        Assert.Equal(2, copy.RowGroups);
        var expected = new[] { ParquetReaderTests.FirstGroup[1], ParquetReaderTests.SecondGroup[0], ParquetReaderTests.SecondGroup[2] };
        Assert.Equal(expected.Select(Describe), copy.Rows.Select(Describe));
        Assert.Equal(["p2", "p3", "p5"], ReadAll(output).Select(d => d.Id));

        static string Describe(ParquetRow row) => $"{row.Id}|{row.Text}|{row.Title}|{row.Year}|{string.Join(",", row.Scores)}";
    }

    [Fact]
    public async Task Parquet_subset_skips_bad_rows_like_the_reader()
    {
        using var dir = new TempDir();
        string input = dir.File("in/nulls.parquet");
        await WriteParquetAsync(input,
            [new("a", "fine", null, null, [1]), new("b", null, null, null, [2])],
            [new(null, "no id", null, null, [3]), new("d", "also fine", "D", 4, [4, 5])]);
        string outDir = Path.Combine(dir.Path, "out");
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };

        // Ordinal 1 is "d" (rows 1 and 2 are bad and take no ordinal).
        var result = CorpusWriter.WriteSubset([input], options, ordinal => ordinal == 1, outDir, expectedDocumentCount: 2);

        Assert.Equal(2, result.SkipReport.Total);
        var copy = await ReadParquetAsync(Path.Combine(outDir, "nulls.parquet"));
        var row = Assert.Single(copy.Rows);
        Assert.Equal(("d", "also fine", "D", (int?)4), (row.Id, row.Text, row.Title, row.Year));
        Assert.Equal([4, 5], row.Scores);
    }

    [Fact]
    public async Task Parquet_subset_with_nothing_kept_is_a_valid_empty_file()
    {
        using var dir = new TempDir();
        string input = dir.File("in/docs.parquet");
        await WriteParquetAsync(input, ParquetReaderTests.FirstGroup);
        string outDir = Path.Combine(dir.Path, "out");

        CorpusWriter.WriteSubset([input], new CorpusOptions(), _ => false, outDir);

        var copy = await ReadParquetAsync(Path.Combine(outDir, "docs.parquet"));
        Assert.Empty(copy.Rows);
        Assert.Empty(ReadAll(Path.Combine(outDir, "docs.parquet")));
    }

    [Fact]
    public async Task Ordinals_line_up_across_several_inputs_of_different_formats()
    {
        using var dir = new TempDir();
        string jsonl = dir.Write("in/a.jsonl", "{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n");
        string parquet = dir.File("in/b.parquet");
        await WriteParquetAsync(parquet, ParquetReaderTests.FirstGroup);
        string outDir = Path.Combine(dir.Path, "out");
        var inputs = new[] { jsonl, Fixture("texts"), parquet };

        // Ordinals: 0 j1, 1 j2, 2 a.txt, 3 b.txt, 4 sub/c.txt, 5 p1, 6 p2; keep the even ones.
        var result = CorpusWriter.WriteSubset(inputs, new CorpusOptions(), ordinal => ordinal % 2 == 0, outDir, expectedDocumentCount: 7);

        Assert.Equal(7, result.DocumentsRead);
        var outputs = result.OutputPaths;
        Assert.Equal(["j1", "a.txt", "sub/c.txt", "p2"], ReadAll(outputs).Select(d => d.Id));
        AssertOnlyEntries(outDir, "a.jsonl", "texts", "b.parquet");
    }

    [Fact]
    public void A_failure_midway_leaves_no_temporary_files_and_keeps_the_previous_output()
    {
        using var dir = new TempDir();
        string first = dir.Write("in/first.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
        string second = dir.Write("in/second.jsonl", "{\"id\":\"b\",\"text\":\"y\"}\n{\"id\":\"c\",\"text\":\"z\"}\n");
        string outDir = Path.Combine(dir.Path, "out");
        string previous = dir.Write("out/first.jsonl", "previous output\n");

        Assert.Throws<InvalidOperationException>(() =>
            CorpusWriter.WriteSubset([first, Fixture("texts"), second], new CorpusOptions(),
                ordinal => ordinal < 4 ? true : throw new InvalidOperationException("keep failed"), outDir));

        AssertOnlyEntries(outDir, "first.jsonl");
        Assert.Equal("previous output\n", File.ReadAllText(previous));
    }

    [Fact]
    public void A_bad_record_under_fail_aborts_the_write_without_output()
    {
        using var dir = new TempDir();
        string input = dir.Write("in/data.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n");
        string outDir = Path.Combine(dir.Path, "out");

        Assert.Throws<CorpusException>(() => CorpusWriter.WriteSubset([input], new CorpusOptions(), _ => true, outDir));

        AssertOnlyEntries(outDir);
    }

    [Fact]
    public void A_changed_document_count_aborts_the_write()
    {
        using var dir = new TempDir();
        string input = dir.Write("in/data.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
        string outDir = Path.Combine(dir.Path, "out");

        Assert.Throws<InvalidOperationException>(() =>
            CorpusWriter.WriteSubset([input], new CorpusOptions(), _ => true, outDir, expectedDocumentCount: 2));

        AssertOnlyEntries(outDir);
    }

    [Fact]
    public void Existing_folder_output_is_replaced()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        dir.Write("out/texts/stale.txt", "from an earlier run");

        CorpusWriter.WriteSubset([Fixture("texts")], new CorpusOptions(), ordinal => ordinal == 0, outDir);

        AssertOnlyEntries(outDir, "texts");
        Assert.Equal(["a.txt"], ReadAll(Path.Combine(outDir, "texts")).Select(d => d.Id));
    }

    [Fact]
    public void Outputs_that_collide_or_replace_an_input_are_refused()
    {
        using var dir = new TempDir();
        string one = dir.Write("x/data.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
        string two = dir.Write("y/data.jsonl", "{\"id\":\"b\",\"text\":\"y\"}\n");

        Assert.Throws<ArgumentException>(() => CorpusWriter.WriteSubset([one, two], new CorpusOptions(), _ => true, Path.Combine(dir.Path, "out")));
        Assert.Throws<ArgumentException>(() => CorpusWriter.WriteSubset([one], new CorpusOptions(), _ => true, Path.Combine(dir.Path, "x")));
        Assert.Equal("{\"id\":\"a\",\"text\":\"x\"}\n", File.ReadAllText(one));
    }

    // ---- WriteSubset(ICorpusReader, ...): copies from the positions the reader recorded ----

    /// <summary>
    /// Reads the inputs to the end, keeps the documents <paramref name="keep"/> picks, and writes the subset both from the
    /// reader and by re-reading the inputs; asserts the two agree on every output byte and on what they report.
    /// </summary>
    private static CorpusSubsetResult WriteFromReaderAndCompare(IReadOnlyList<string> inputs, CorpusOptions options, string root,
        Func<CorpusDocument, bool> keep)
    {
        var reader = Corpus.Open(inputs, options);
        var keptOrdinals = reader.ReadDocuments().Where(keep).Select(d => d.Ordinal).ToHashSet();
        string fromReader = Path.Combine(root, "from-reader");
        string reRead = Path.Combine(root, "re-read");
        var keepCalls = new List<long>();

        var result = CorpusWriter.WriteSubset(reader, ordinal =>
        {
            keepCalls.Add(ordinal);
            return keptOrdinals.Contains(ordinal);
        }, fromReader);
        var expected = CorpusWriter.WriteSubset(inputs, options, keptOrdinals.Contains, reRead, reader.DocumentsRead);

        Assert.Equal(LongRange(reader.DocumentsRead), keepCalls); // once per document, in ordinal order
        Assert.Equal(expected.DocumentsRead, result.DocumentsRead);
        Assert.Equal(expected.DocumentsKept, result.DocumentsKept);
        Assert.Equal(keptOrdinals.Count, result.DocumentsKept);
        Assert.Equal(expected.SkipReport.ToString(), result.SkipReport.ToString());
        Assert.Equal(expected.OutputPaths.Select(Path.GetFileName), result.OutputPaths.Select(Path.GetFileName));
        Assert.All(result.OutputPaths, path => Assert.StartsWith(fromReader, path));
        AssertSameTree(reRead, fromReader);
        return result;
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (long i = 0; i < count; i++)
            yield return i;
    }

    /// <summary>Same files (relative paths) with the same bytes under both folders.</summary>
    private static void AssertSameTree(string expectedDir, string actualDir)
    {
        static List<string> Files(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        var files = Files(expectedDir);
        Assert.NotEmpty(files);
        Assert.Equal(files, Files(actualDir));
        foreach (var file in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(expectedDir, file)), File.ReadAllBytes(Path.Combine(actualDir, file)));
    }

    // Every line form the reader handles, and bad records that take no ordinal (skipped under BadRecordAction.Skip).
    private const string AwkwardJsonl =
        "\uFEFF{\"id\":\"a\",\"text\":\"first, after a byte order mark\"}\r\n" + // 1
        "\r\n" +                                                                 // 2: blank (CRLF)
        "not json\n" +                                                           // 3: malformed
        "{\"text\":\"second\", \"id\":\"b\",  \"extra\":{\"k\":[1,2]}}\r\n" +    // 4
        "   \n" +                                                                // 5: blank (spaces)
        "{\"id\":\"a\",\"text\":\"duplicate id\"}\n" +                           // 6: duplicate id
        "{\"id\":\"e\",\"text\":\"\"}\n" +                                       // 7: empty text
        "{\"id\":\"c\",\"text\":\"caf\u00e9 \\u2013 third\"}\r\n" +              // 8
        "{\"id\":\"d\",\"text\":\"fourth\"}\n" +                                 // 9
        "{\"id\":\"f\",\"text\":\"last line without newline\"}";                 // 10

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Subset_from_the_reader_copies_the_same_jsonl_bytes_as_the_re_read(int parseThreads)
    {
        using var dir = new TempDir();
        string input = dir.Write("in/news.jsonl", AwkwardJsonl);
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip, ParseThreads = parseThreads, JsonlChunkBytes = 64, JsonlBufferSize = 16 };

        var result = WriteFromReaderAndCompare([input], options, dir.Path, d => d.Id is "a" or "c" or "f");

        Assert.Equal(5, result.DocumentsRead);
        Assert.Equal(3, result.SkipReport.Total);
        var inputLines = SplitLinesKeepingTerminators(File.ReadAllBytes(input));
        var expected = new[] { inputLines[0], inputLines[7], inputLines[9] }.SelectMany(l => l).ToArray();
        Assert.Equal(expected, File.ReadAllBytes(Assert.Single(result.OutputPaths)));
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(result.OutputPaths[0])[..3]); // the byte order mark is copied as it was
        Assert.Equal(["a", "c", "f"], ReadAll(result.OutputPaths[0]).Select(d => d.Id));
    }

    [Fact]
    public void Subset_from_the_reader_of_gzip_jsonl_is_gzip_with_the_same_bytes_as_the_re_read()
    {
        using var dir = new TempDir();
        string input = dir.WriteGzip("in/news.jsonl.gz", AwkwardJsonl);
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };

        var result = WriteFromReaderAndCompare([input], options, dir.Path, d => d.Id is "b" or "d");

        string output = Assert.Single(result.OutputPaths);
        Assert.Equal("news.jsonl.gz", Path.GetFileName(output));
        using var gzip = new GZipStream(File.OpenRead(output), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, new UTF8Encoding(false));
        Assert.Equal("{\"text\":\"second\", \"id\":\"b\",  \"extra\":{\"k\":[1,2]}}\r\n{\"id\":\"d\",\"text\":\"fourth\"}\n", text.ReadToEnd());
    }

    [Fact]
    public async Task Subset_from_the_reader_copies_the_same_parquet_rows_as_the_re_read()
    {
        using var dir = new TempDir();
        string input = dir.File("in/docs.parquet");
        await WriteParquetAsync(input,
            [new("a", "fine", null, null, [1]), new("b", null, null, null, [2]), new("c", "three", "C", 3, [3, 4])],
            [new(null, "no id", null, null, [5]), new("a", "duplicate id", null, null, [6]), new("d", "also fine", "D", 4, [7, 8])]);
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };

        // Rows 1, 3 and 4 are bad and take no ordinal, so the kept documents sit in rows 2 and 5.
        var result = WriteFromReaderAndCompare([input], options, dir.Path, d => d.Id is "c" or "d");

        Assert.Equal(3, result.SkipReport.Total);
        var copy = await ReadParquetAsync(Assert.Single(result.OutputPaths));
        Assert.Equal(2, copy.RowGroups);
        Assert.Equal([("c", "three", "C", (int?)3), ("d", "also fine", "D", (int?)4)], copy.Rows.Select(r => (r.Id, r.Text, r.Title, r.Year)));
        Assert.Equal([[3, 4], [7, 8]], copy.Rows.Select(r => r.Scores));
    }

    [Fact]
    public async Task Subset_from_the_reader_of_several_inputs_matches_the_re_read()
    {
        using var dir = new TempDir();
        string first = dir.Write("in/a.jsonl", AwkwardJsonl);
        string second = dir.WriteGzip("in/b.jsonl.gz", "{\"id\":\"g1\",\"text\":\"x\"}\n\n{\"id\":\"g2\",\"text\":\"y\"}\n{\"id\":\"g3\",\"text\":\"z\"}\n");
        string third = dir.File("in/c.parquet");
        await WriteParquetAsync(third, ParquetReaderTests.FirstGroup, ParquetReaderTests.SecondGroup);
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };

        // Ordinals: 0-4 a b c d f, 5-7 g1 g2 g3, 8-12 p1..p5; keep the odd ones.
        var result = WriteFromReaderAndCompare([first, second, third], options, dir.Path, d => d.Ordinal % 2 == 1);

        Assert.Equal(13, result.DocumentsRead);
        Assert.Equal(["b", "d", "g1", "g3", "p2", "p4"], ReadAll(result.OutputPaths).Select(d => d.Id));
        AssertOnlyEntries(Path.Combine(dir.Path, "from-reader"), "a.jsonl", "b.jsonl.gz", "c.parquet");
    }

    [Fact]
    public async Task Subset_from_the_reader_with_a_folder_input_falls_back_to_re_reading()
    {
        using var dir = new TempDir();
        string jsonl = dir.Write("in/a.jsonl", "{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n");
        string parquet = dir.File("in/b.parquet");
        await WriteParquetAsync(parquet, ParquetReaderTests.FirstGroup);

        // Ordinals: 0 j1, 1 j2, 2 a.txt, 3 b.txt, 4 sub/c.txt, 5 p1, 6 p2; keep the even ones.
        var result = WriteFromReaderAndCompare([jsonl, Fixture("texts"), parquet], new CorpusOptions(), dir.Path, d => d.Ordinal % 2 == 0);

        Assert.Equal(7, result.DocumentsRead);
        Assert.Equal(["j1", "a.txt", "sub/c.txt", "p2"], ReadAll(result.OutputPaths).Select(d => d.Id));
        AssertOnlyEntries(Path.Combine(dir.Path, "from-reader"), "a.jsonl", "texts", "b.parquet");
    }

    [Fact]
    public void Subset_from_the_reader_of_an_html_folder_skips_unreadable_pages_like_the_reader()
    {
        using var dir = new TempDir();

        var result = WriteFromReaderAndCompare([Fixture("site")], new CorpusOptions { OnBadRecord = BadRecordAction.Skip }, dir.Path,
            d => d.Id == "news/rivers.html");

        Assert.Equal(1, result.SkipReport.Count(CorpusErrorReason.NoReadableContent));
        Assert.Equal(["news/rivers.html"], ReadAll(Assert.Single(result.OutputPaths)).Select(d => d.Id));
    }

    /// <summary>Reads <paramref name="inputs"/> to the end, lets <paramref name="change"/> alter them, then expects the
    /// subset write to refuse with a message naming <paramref name="changedPath"/>, leaving only the previous output.</summary>
    private static void AssertRefusedAfterChange(TempDir dir, string[] inputs, string changedPath, Action change)
    {
        var reader = Corpus.Open(inputs, new CorpusOptions());
        long count = reader.ReadDocuments().LongCount();
        string outDir = Path.Combine(dir.Path, "out");
        string previous = dir.Write("out/" + Path.GetFileName(inputs[0]), "previous output\n");
        change();

        var error = Assert.Throws<InvalidOperationException>(() => CorpusWriter.WriteSubset(reader, _ => true, outDir));

        Assert.True(count > 0);
        Assert.Contains(changedPath, error.Message);
        Assert.Contains("changed since it was read", error.Message);
        AssertOnlyEntries(outDir, Path.GetFileName(inputs[0])); // no temporary files, no new outputs
        Assert.Equal("previous output\n", File.ReadAllText(previous));
    }

    [Fact]
    public void Subset_from_the_reader_refuses_an_input_whose_length_changed()
    {
        using var dir = new TempDir();
        string first = dir.Write("in/first.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
        string second = dir.Write("in/second.jsonl", "{\"id\":\"b\",\"text\":\"y\"}\n");

        // The first input is copied to a temporary file before the second one is found changed.
        AssertRefusedAfterChange(dir, [first, second], second,
            () => File.AppendAllText(second, "{\"id\":\"c\",\"text\":\"z\"}\n"));
    }

    [Fact]
    public void Subset_from_the_reader_refuses_an_input_with_the_same_length_but_a_new_write_time()
    {
        using var dir = new TempDir();
        string input = dir.Write("in/data.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
        var readAt = File.GetLastWriteTimeUtc(input);

        AssertRefusedAfterChange(dir, [input], input, () =>
        {
            File.WriteAllText(input, "{\"id\":\"b\",\"text\":\"y\"}\n"); // same length
            File.SetLastWriteTimeUtc(input, readAt.AddSeconds(5));
        });
    }

    [Fact]
    public async Task Subset_from_the_reader_refuses_a_parquet_input_with_a_new_write_time()
    {
        using var dir = new TempDir();
        string input = dir.File("in/docs.parquet");
        await WriteParquetAsync(input, ParquetReaderTests.FirstGroup);
        var readAt = File.GetLastWriteTimeUtc(input);

        AssertRefusedAfterChange(dir, [input], input, () => File.SetLastWriteTimeUtc(input, readAt.AddSeconds(-5)));
    }

    [Fact]
    public void Subset_from_the_reader_refuses_a_file_that_ends_before_a_kept_line()
    {
        using var dir = new TempDir();
        string input = dir.Write("in/data.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n");
        var readAt = File.GetLastWriteTimeUtc(input);

        // Size and write time are put back, so only the missing line gives the change away.
        AssertRefusedAfterChange(dir, [input], input, () =>
        {
            File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"x\"} {\"id\":\"b\",\"text\":\"y\"}\n");
            File.SetLastWriteTimeUtc(input, readAt);
        });
    }

    [Fact]
    public void Subset_from_the_reader_needs_a_reader_read_to_the_end()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        var reader = Corpus.Open([Fixture("news.jsonl")], new CorpusOptions());

        var unread = Assert.Throws<InvalidOperationException>(() => CorpusWriter.WriteSubset(reader, _ => true, outDir));
        _ = reader.ReadDocuments().Take(2).ToList();
        var partlyRead = Assert.Throws<InvalidOperationException>(() => CorpusWriter.WriteSubset(reader, _ => true, outDir));

        Assert.Contains("read to the end", unread.Message);
        Assert.Contains("read to the end", partlyRead.Message);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Subset_from_a_reader_not_opened_by_Corpus_Open_is_refused()
    {
        using var dir = new TempDir();

        Assert.Throws<ArgumentException>(() => CorpusWriter.WriteSubset(new OtherReader(), _ => true, Path.Combine(dir.Path, "out")));
    }

    private sealed class OtherReader : ICorpusReader
    {
        public IEnumerable<CorpusDocument> ReadDocuments() => [];
        public long BytesRead => 0;
        public long? TotalBytes => 0;
        public long DocumentsRead => 0;
        public SkipReport SkipReport { get; } = new();
    }
}
