using System.IO.Compression;
using System.Text;
using NearDup.Corpus;
using Parquet;
using Parquet.Schema;

namespace NearDup.Corpus.Tests;

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "neardup-corpus-tests", Guid.NewGuid().ToString("N"));

    public string File(string relativePath)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        string path = File(relativePath);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteGzip(string relativePath, string content)
    {
        string path = File(relativePath);
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class TestFiles
{
    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static List<CorpusDocument> ReadAll(string path, CorpusOptions? options = null) =>
        ReadAll([path], options);

    public static List<CorpusDocument> ReadAll(IReadOnlyList<string> paths, CorpusOptions? options = null) =>
        Corpus.Open(paths, options ?? new CorpusOptions()).ReadDocuments().ToList();

    public static CorpusException ReadExpectingError(IReadOnlyList<string> paths, CorpusOptions? options = null) =>
        Assert.Throws<CorpusException>(() => ReadAll(paths, options));

    /// <summary>Bytes of a string with one byte replaced: puts raw, non-UTF-8 bytes into test files.</summary>
    public static byte[] Latin(string text, byte marker, byte replacement)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == marker)
                bytes[i] = replacement;
        return bytes;
    }

    /// <summary>One row of the Parquet fixture; every row has at least one score.</summary>
    public sealed record ParquetRow(string? Id, string? Text, string? Title, int? Year, int[] Scores);

    /// <summary>Writes a Parquet file with columns id, text, title, year (nullable int) and scores (repeated int),
    /// one row group per element of <paramref name="rowGroups"/>.</summary>
    public static async Task WriteParquetAsync(string path, params ParquetRow[][] rowGroups)
    {
        // Fields are created per file: Parquet.Net mutates a DataField when a schema adopts it, so sharing field
        // instances between concurrently written files corrupts them.
        var idColumn = new DataField<string>("id");
        var textColumn = new DataField<string>("text");
        var titleColumn = new DataField<string>("title");
        var yearColumn = new DataField<int?>("year");
        var scoresColumn = new DataField<int[]>("scores");
        var schema = new ParquetSchema(idColumn, textColumn, titleColumn, yearColumn, scoresColumn);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        foreach (var rows in rowGroups)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(idColumn, rows.Select(r => r.Id).ToArray());
            await group.WriteAsync(textColumn, rows.Select(r => r.Text).ToArray());
            await group.WriteAsync(titleColumn, rows.Select(r => r.Title).ToArray());
            await group.WriteAsync<int>(yearColumn, rows.Select(r => r.Year).ToArray().AsMemory());
            var scores = rows.SelectMany(r => r.Scores).ToArray();
            var repetitions = rows.SelectMany(r => r.Scores.Select((_, i) => i == 0 ? 0 : 1)).ToArray();
            await group.WriteAsync<int>(scoresColumn, scores.AsMemory(), repetitions.AsMemory());
            group.CompleteValidate();
        }
    }

    /// <summary>Writes a Parquet file whose id column holds 64-bit integers.</summary>
    public static async Task WriteParquetWithLongIdsAsync(string path, long[] ids, string[] texts)
    {
        var id = new DataField<long>("id");
        var text = new DataField<string>("text");
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, text), file);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(id, ids.AsMemory());
        await group.WriteAsync(text, texts);
        group.CompleteValidate();
    }

    /// <summary>Reads every column of a Parquet file back with Parquet.Net (independently of the corpus reader).</summary>
    public static async Task<(ParquetSchema Schema, List<ParquetRow> Rows, int RowGroups)> ReadParquetAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(file);
        var schema = reader.Schema;
        var fields = schema.GetDataFields();
        var rows = new List<ParquetRow>();
        foreach (var group in reader.RowGroups)
        {
            int n = (int)group.RowCount;
            var ids = new string?[n];
            var texts = new string?[n];
            var titles = new string?[n];
            var years = new int?[n];
            await group.ReadAsync(fields.Single(f => f.Name == "id"), ids.AsMemory());
            await group.ReadAsync(fields.Single(f => f.Name == "text"), texts.AsMemory());
            await group.ReadAsync(fields.Single(f => f.Name == "title"), titles.AsMemory());
            await group.ReadAsync<int>(fields.Single(f => f.Name == "year"), years.AsMemory());
            var scoresField = fields.Single(f => f.Name == "scores");
            long entries = group.GetMetadata(scoresField)!.MetaData!.NumValues;
            var scores = new int[entries];
            var definitions = new int[entries];
            var repetitions = new int[entries];
            await group.ReadRawAsync<int>(scoresField, scores.AsMemory(), definitions.AsMemory(), repetitions.AsMemory());
            var perRow = new List<List<int>>();
            for (int i = 0; i < entries; i++)
            {
                if (repetitions[i] == 0)
                    perRow.Add([]);
                perRow[^1].Add(scores[i]);
            }
            for (int i = 0; i < n; i++)
                rows.Add(new ParquetRow(ids[i], texts[i], titles[i], years[i], perRow[i].ToArray()));
        }
        return (schema, rows, reader.RowGroupCount);
    }
}
