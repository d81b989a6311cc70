using NearDup.Corpus;
using static NearDup.Corpus.Tests.TestFiles;

namespace NearDup.Corpus.Tests;

public class ReadPositionsTests
{
    [Fact]
    public async Task A_finished_read_records_each_documents_line_or_row_and_where_each_input_starts()
    {
        using var dir = new TempDir();
        string jsonl = dir.Write("in/a.jsonl",
            "{\"id\":\"j1\",\"text\":\"x\"}\n\nnot json\n{\"id\":\"j1\",\"text\":\"dup\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n");
        string parquet = dir.File("in/b.parquet");
        await WriteParquetAsync(parquet, ParquetReaderTests.FirstGroup, ParquetReaderTests.SecondGroup);
        var reader = (CorpusReader)Corpus.Open([jsonl, Fixture("texts"), parquet], new CorpusOptions { OnBadRecord = BadRecordAction.Skip });

        Assert.Null(reader.Positions); // nothing read yet
        var documents = reader.ReadDocuments().ToList();

        var positions = Assert.IsType<ReadPositions>(reader.Positions);
        // j1 line 1, j2 line 5 (blank, bad and duplicate lines take no ordinal); three text files; five Parquet rows.
        Assert.Equal([0L, 2L, 5L, 10L], positions.InputStarts);
        Assert.Equal(10L, positions.DocumentCount);
        Assert.Equal(documents.Count, positions.Positions.Count);
        Assert.Equal([1L, 5L, -1L, -1L, -1L, 0L, 1L, 2L, 3L, 4L],
            Enumerable.Range(0, documents.Count).Select(i => positions.Positions[i]));
    }

    [Fact]
    public void A_read_stopped_early_records_no_positions()
    {
        var reader = (CorpusReader)Corpus.Open([Fixture("news.jsonl")], new CorpusOptions());

        _ = reader.ReadDocuments().Take(1).ToList();

        Assert.Null(reader.Positions);
    }

    [Fact]
    public void Resolving_a_file_records_its_length_and_last_write_time()
    {
        using var dir = new TempDir();
        string path = dir.Write("a.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
        var written = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        var file = Assert.Single(CorpusInput.Resolve(path, new CorpusOptions()).Files);

        Assert.Equal(new FileInfo(path).Length, file.Length);
        Assert.Equal(written, file.LastWriteTimeUtc);
    }

    [Fact]
    public void Chunked_list_keeps_values_across_chunk_boundaries()
    {
        var list = new ChunkedLongList();
        const int count = 3 * 8192 + 5;
        for (long i = 0; i < count; i++)
            list.Add(i * 3);

        Assert.Equal(count, list.Count);
        Assert.Equal(0, list[0]);
        Assert.Equal(8191L * 3, list[8191]);
        Assert.Equal(8192L * 3, list[8192]);
        Assert.Equal((count - 1L) * 3, list[count - 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[count]);
    }
}
