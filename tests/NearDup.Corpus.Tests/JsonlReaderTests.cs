using System.Text;
using NearDup.Corpus;

namespace NearDup.Corpus.Tests;

public class JsonlReaderTests
{
    [Fact]
    public void Reads_ids_texts_and_metadata_in_file_order_skipping_blank_lines()
    {
        string path = TestFiles.Fixture("news.jsonl");

        var docs = TestFiles.ReadAll(path);

        Assert.Equal(["n1", "1002", "n3"], docs.Select(d => d.Id));
        Assert.Equal([0L, 1L, 2L], docs.Select(d => d.Ordinal));
        Assert.Equal([1L, 3L, 5L], docs.Select(d => d.Location.Line!.Value));
        Assert.All(docs, d => Assert.Equal(path, d.Location.File));

        var first = docs[0];
        Assert.Equal("The council approved the new harbour budget on Monday.", first.Text);
        Assert.Equal("Harbour budget", first.Title);
        Assert.Equal("https://example.org/n1", first.Url);
        Assert.Equal("2024-03-04", first.Date);
        Assert.Equal("wire", first.Source);

        Assert.Equal("A storm closed the coastal road for six hours.\nTraffic was diverted inland.", docs[1].Text);
        Assert.Null(docs[1].Title); // null title
        Assert.Null(docs[1].Url);

        Assert.Equal("Café owners report a busy summer season – \"best in years\".", docs[2].Text);
        Assert.Null(docs[2].Title); // a number where a string belongs is ignored for metadata
        Assert.Equal("desk", docs[2].Source);
    }

    [Fact]
    public void Numeric_ids_keep_their_raw_text()
    {
        using var dir = new TempDir();
        string path = dir.Write("ids.jsonl",
            "{\"id\":42,\"text\":\"a\"}\n{\"id\":-7,\"text\":\"b\"}\n{\"id\":1.5e3,\"text\":\"c\"}\n{\"id\":\"42x\",\"text\":\"d\"}\n");

        var docs = TestFiles.ReadAll(path);

        Assert.Equal(["42", "-7", "1.5e3", "42x"], docs.Select(d => d.Id));
    }

    [Fact]
    public void Custom_field_names_are_used_and_metadata_can_be_ignored()
    {
        using var dir = new TempDir();
        string path = dir.Write("custom.jsonl", "{\"doc_id\":\"x\",\"body\":\"hello\",\"title\":\"T\",\"headline\":\"H\"}\n");
        var options = new CorpusOptions { IdField = "doc_id", TextField = "body", TitleField = "headline", UrlField = null };

        var doc = Assert.Single(TestFiles.ReadAll(path, options));

        Assert.Equal("x", doc.Id);
        Assert.Equal("hello", doc.Text);
        Assert.Equal("H", doc.Title);
    }

    [Fact]
    public void Escaped_property_names_match()
    {
        using var dir = new TempDir();
        string path = dir.Write("escaped.jsonl", "{\"\\u0069d\":\"e1\",\"te\\u0078t\":\"escaped keys\"}\n");

        var doc = Assert.Single(TestFiles.ReadAll(path));

        Assert.Equal("e1", doc.Id);
        Assert.Equal("escaped keys", doc.Text);
    }

    [Fact]
    public void Crlf_line_endings_and_a_bom_are_not_part_of_the_record()
    {
        using var dir = new TempDir();
        string path = dir.Write("crlf.jsonl", "\uFEFF{\"id\":\"a\",\"text\":\"one\"}\r\n\r\n{\"id\":\"b\",\"text\":\"two\"}\r\n{\"id\":\"c\",\"text\":\"three\"}");

        var docs = TestFiles.ReadAll(path);

        Assert.Equal(["a", "b", "c"], docs.Select(d => d.Id));
        Assert.Equal(["one", "two", "three"], docs.Select(d => d.Text));
        Assert.Equal([1L, 3L, 4L], docs.Select(d => d.Location.Line!.Value));
    }

    [Fact]
    public void Gzip_is_detected_by_suffix_and_by_magic_bytes()
    {
        using var dir = new TempDir();
        string content = File.ReadAllText(TestFiles.Fixture("news.jsonl"));
        string suffixed = dir.WriteGzip("news.jsonl.gz", content);
        string unsuffixed = dir.WriteGzip("disguised.ndjson", content);

        var expected = TestFiles.ReadAll(TestFiles.Fixture("news.jsonl"));
        foreach (var path in new[] { suffixed, unsuffixed })
        {
            var docs = TestFiles.ReadAll(path);
            Assert.Equal(expected.Select(d => (d.Id, d.Text, d.Title, d.Location.Line)), docs.Select(d => (d.Id, d.Text, d.Title, d.Location.Line)));
        }
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_read_whole()
    {
        using var dir = new TempDir();
        string longText = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"w{i} ")); // ~1.3 MB, over the default 1 MiB buffer
        string path = dir.Write("long.jsonl",
            $"{{\"id\":\"short\",\"text\":\"s\"}}\n{{\"id\":\"long\",\"text\":\"{longText}\"}}\n{{\"id\":\"after\",\"text\":\"t\"}}\n");

        var docs = TestFiles.ReadAll(path);

        Assert.Equal(["short", "long", "after"], docs.Select(d => d.Id));
        Assert.Equal(longText, docs[1].Text);
    }

    [Fact]
    public void Tiny_buffers_give_the_same_documents_as_the_default_buffer()
    {
        using var dir = new TempDir();
        var random = new Random(7);
        var sb = new StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            string text = new('x', random.Next(1, 400));
            sb.Append($"{{\"id\":\"d{i}\",\"text\":\"{text} ü {i}\"}}");
            sb.Append(random.Next(4) switch { 0 => "\r\n", 1 => "\n\n", _ => "\n" });
        }
        string path = dir.Write("mixed.jsonl", sb.ToString());

        var expected = TestFiles.ReadAll(path);
        foreach (int bufferSize in new[] { 1, 7, 64, 333 })
        {
            var docs = TestFiles.ReadAll(path, new CorpusOptions { JsonlBufferSize = bufferSize });
            Assert.Equal(expected.Select(d => (d.Ordinal, d.Id, d.Text, d.Location)), docs.Select(d => (d.Ordinal, d.Id, d.Text, d.Location)));
        }
        Assert.Equal(300, expected.Count);
    }

    [Fact]
    public void Windows1252_fallback_decodes_0x92_as_right_single_quote_per_line()
    {
        using var dir = new TempDir();
        // Line 1 is valid UTF-8 (é as C3 A9); line 2 holds a lone cp1252 byte 0x92 where '~' stands.
        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"caf\u00e9\"}\n")
            .Concat(TestFiles.Latin("{\"id\":\"b\",\"text\":\"it~s legacy\"}\n", (byte)'~', 0x92)).ToArray();
        string path = dir.Write("legacy.jsonl", bytes);

        var docs = TestFiles.ReadAll(path, new CorpusOptions { TextEncoding = CorpusTextEncoding.Utf8OrWindows1252 });

        Assert.Equal("café", docs[0].Text);
        Assert.Equal("it\u2019s legacy", docs[1].Text);

        var strict = TestFiles.ReadExpectingError([path]);
        Assert.Equal(CorpusErrorReason.InvalidUtf8, strict.Reason);
        Assert.Equal(2, strict.Line);
    }

    [Fact]
    public void Ordinals_continue_across_inputs_in_the_order_given()
    {
        using var dir = new TempDir();
        string first = dir.Write("b.jsonl", "{\"id\":\"b1\",\"text\":\"x\"}\n{\"id\":\"b2\",\"text\":\"y\"}\n");
        string second = dir.Write("a.jsonl", "{\"id\":\"a1\",\"text\":\"z\"}\n");

        var docs = TestFiles.ReadAll([first, second]);

        Assert.Equal(["b1", "b2", "a1"], docs.Select(d => d.Id));
        Assert.Equal([0L, 1L, 2L], docs.Select(d => d.Ordinal));
    }

    [Fact]
    public void A_reader_reads_once()
    {
        var reader = Corpus.Open([TestFiles.Fixture("news.jsonl")], new CorpusOptions());
        Assert.Equal(3, reader.ReadDocuments().Count());
        Assert.Equal(3, reader.DocumentsRead);
        Assert.Throws<InvalidOperationException>(() => reader.ReadDocuments());
    }
}
