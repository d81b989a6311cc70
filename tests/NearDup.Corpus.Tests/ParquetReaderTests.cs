using NearDup.Corpus;
using static NearDup.Corpus.Tests.TestFiles;

namespace NearDup.Corpus.Tests;

public class ParquetReaderTests
{
    internal static readonly ParquetRow[] FirstGroup =
    [
        new("p1", "Parquet document one.", "One", 2020, [1, 2]),
        new("p2", "Parquet document two.", null, null, [3]),
    ];

    internal static readonly ParquetRow[] SecondGroup =
    [
        new("p3", "Parquet document three.", "Three", 2022, [4, 5, 6]),
        new("p4", "Parquet document four.", "Four", 2023, [7]),
        new("p5", "Parquet document five.", "Five", null, [8, 9]),
    ];

    [Fact]
    public async Task Reads_rows_of_every_row_group_in_order_with_metadata()
    {
        using var dir = new TempDir();
        string path = dir.File("docs.parquet");
        await WriteParquetAsync(path, FirstGroup, SecondGroup);

        var docs = ReadAll(path);

        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], docs.Select(d => d.Id));
        Assert.Equal([0L, 1L, 2L, 3L, 4L], docs.Select(d => d.Ordinal));
        Assert.Equal([0L, 1L, 2L, 3L, 4L], docs.Select(d => d.Location.Row!.Value)); // row within the file, not the group
        Assert.Equal("Parquet document three.", docs[2].Text);
        Assert.Equal(["One", null, "Three", "Four", "Five"], docs.Select(d => d.Title));
        Assert.All(docs, d => Assert.Null(d.Location.Line));
        Assert.Equal($"{path} row 3", docs[3].Location.ToString());
    }

    [Fact]
    public async Task Integer_ids_become_their_decimal_text()
    {
        using var dir = new TempDir();
        string path = dir.File("ints.parquet");
        await WriteParquetWithLongIdsAsync(path, [7, -3, 9_000_000_000], ["seven", "minus three", "nine billion"]);

        var docs = ReadAll(path);

        Assert.Equal(["7", "-3", "9000000000"], docs.Select(d => d.Id));
        Assert.Equal("nine billion", docs[2].Text);
    }

    [Fact]
    public async Task Null_text_and_null_id_are_bad_records_naming_the_row()
    {
        using var dir = new TempDir();
        string path = dir.File("nulls.parquet");
        await WriteParquetAsync(path,
            [new("a", "fine", null, null, [1]), new("b", null, null, null, [1])],
            [new(null, "no id", null, null, [1]), new("d", "also fine", null, null, [1])]);

        var error = ReadExpectingError([path]);
        Assert.Equal(CorpusErrorReason.MissingText, error.Reason);
        Assert.Equal(path, error.File);
        Assert.Equal(1, error.Row);
        Assert.Null(error.Line);
        Assert.Equal("text", error.Field);
        Assert.Equal($"{path} row 1: field \"text\" is null", error.Message);

        var reader = Corpus.Open([path], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });
        Assert.Equal(["a", "d"], reader.ReadDocuments().Select(d => d.Id));
        Assert.Equal(2L, reader.SkipReport.Examples(CorpusErrorReason.MissingId).Single().Location.Row);
        Assert.Equal(1, reader.SkipReport.Count(CorpusErrorReason.MissingText));
    }

    [Fact]
    public async Task Duplicate_ids_across_jsonl_and_parquet_are_detected()
    {
        using var dir = new TempDir();
        string jsonl = dir.Write("first.jsonl", "{\"id\":\"p2\",\"text\":\"from jsonl\"}\n");
        string parquet = dir.File("second.parquet");
        await WriteParquetAsync(parquet, FirstGroup);

        var error = ReadExpectingError([jsonl, parquet]);

        Assert.Equal(CorpusErrorReason.DuplicateId, error.Reason);
        Assert.Equal(parquet, error.File);
        Assert.Equal(1, error.Row);
    }

    [Fact]
    public async Task Missing_text_column_is_a_fatal_schema_mismatch()
    {
        using var dir = new TempDir();
        string path = dir.File("docs.parquet");
        await WriteParquetAsync(path, FirstGroup);

        var error = ReadExpectingError([path], new CorpusOptions { TextField = "body", OnBadRecord = BadRecordAction.Skip });

        Assert.Equal(CorpusErrorReason.SchemaMismatch, error.Reason);
        Assert.Equal("body", error.Field);
        Assert.Equal($"{path}: has no top-level column \"body\"", error.Message);

        var wrongType = ReadExpectingError([path], new CorpusOptions { TextField = "year", OnBadRecord = BadRecordAction.Skip });
        Assert.Equal(CorpusErrorReason.SchemaMismatch, wrongType.Reason);
    }
}
