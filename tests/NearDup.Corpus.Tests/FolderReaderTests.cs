using System.Text;
using NearDup.Corpus;

namespace NearDup.Corpus.Tests;

public class FolderReaderTests
{
    [Fact]
    public void Text_folder_reads_txt_files_recursively_in_ordinal_path_order()
    {
        string folder = TestFiles.Fixture("texts");

        var docs = TestFiles.ReadAll(folder);

        Assert.Equal(["a.txt", "b.txt", "sub/c.txt"], docs.Select(d => d.Id));
        Assert.Equal([0L, 1L, 2L], docs.Select(d => d.Ordinal));
        Assert.Equal("Alpha document.\nSecond line of alpha.\n", docs[1].Text);
        Assert.Equal(Path.Combine(folder, "sub/c.txt"), docs[2].Location.File);
        Assert.All(docs, d => Assert.Null(d.Title));
        Assert.All(docs, d => Assert.Null(d.Location.Line));
    }

    [Fact]
    public void Text_folder_order_is_ordinal_not_culture_or_filesystem_order()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "b.txt", "B.txt", "a/z.txt", "a.txt", "a-b.txt", "_x.txt", "10.txt", "9.txt" })
            dir.Write(Path.Combine("corpus", name), $"text of {name}");
        dir.Write("corpus/.hidden.txt", "hidden files are not part of the corpus");

        var ids = TestFiles.ReadAll(Path.Combine(dir.Path, "corpus")).Select(d => d.Id).ToList();

        Assert.Equal(["10.txt", "9.txt", "B.txt", "_x.txt", "a-b.txt", "a.txt", "a/z.txt", "b.txt"], ids);
    }

    [Fact]
    public void Text_files_lose_a_utf8_bom_and_keep_everything_else()
    {
        using var dir = new TempDir();
        dir.Write("t/bom.txt", "\uFEFFwith bom\r\nsecond line");

        var doc = Assert.Single(TestFiles.ReadAll(Path.Combine(dir.Path, "t")));

        Assert.Equal("with bom\r\nsecond line", doc.Text);
    }

    [Fact]
    public void Windows1252_fallback_decodes_a_text_file()
    {
        using var dir = new TempDir();
        dir.Write("t/legacy.txt", TestFiles.Latin("don~t panic", (byte)'~', 0x92));

        var doc = Assert.Single(TestFiles.ReadAll(Path.Combine(dir.Path, "t"), new CorpusOptions { TextEncoding = CorpusTextEncoding.Utf8OrWindows1252 }));

        Assert.Equal("don\u2019t panic", doc.Text);
    }

    [Fact]
    public void Html_folder_extracts_the_article_without_page_furniture()
    {
        string folder = TestFiles.Fixture("site");
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };
        var reader = Corpus.Open([folder], options);

        var docs = reader.ReadDocuments().ToList();

        Assert.Equal(["index.htm", "news/rivers.html"], docs.Select(d => d.Id));
        var rivers = docs[1];
        Assert.Equal("Rivers of the North", rivers.Title);
        Assert.Contains("The northern rivers freeze for most of the winter", rivers.Text);
        Assert.Contains("Fishermen cut holes through the ice", rivers.Text);
        Assert.Contains("carry huge blocks of it down toward the sea", rivers.Text);
        foreach (var furniture in new[] { "cookies", "Accept all", "Home", "World coverage", "Weather forecast", "Copyright", "Privacy policy", "Contact us", "Ten facts about glaciers" })
            Assert.DoesNotContain(furniture, rivers.Text);

        // Paragraph breaks survive as newlines.
        var paragraphs = rivers.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("Fishermen", paragraphs[1]);

        Assert.Equal("Harbour Town Market", docs[0].Title);
        Assert.Contains("Every Saturday morning the harbour square fills with stalls", docs[0].Text);
        Assert.DoesNotContain("Harbour Town Council", docs[0].Text);

        // The page with nothing but a menu has no readable content.
        var skipped = Assert.Single(reader.SkipReport.Examples(CorpusErrorReason.NoReadableContent));
        Assert.Equal(Path.Combine(folder, "menu-only.html"), skipped.Location.File);
    }

    [Fact]
    public void Html_page_without_readable_content_fails_by_default()
    {
        var error = TestFiles.ReadExpectingError([TestFiles.Fixture("site")]);

        Assert.Equal(CorpusErrorReason.NoReadableContent, error.Reason);
        Assert.Equal(Path.Combine(TestFiles.Fixture("site"), "menu-only.html"), error.File);
        Assert.StartsWith($"{error.File}: no readable content", error.Message);
    }

    [Fact]
    public void Folder_format_detection_prefers_html_and_can_be_forced()
    {
        using var dir = new TempDir();
        dir.Write("mixed/page.html", File.ReadAllText(TestFiles.Fixture("site", "index.htm")));
        dir.Write("mixed/notes.txt", "plain notes");
        string mixed = Path.Combine(dir.Path, "mixed");

        Assert.Equal(CorpusFormat.HtmlFolder, Corpus.DetectFormat(mixed));
        Assert.Equal(CorpusFormat.TextFolder, Corpus.DetectFormat(TestFiles.Fixture("texts")));
        Assert.Equal(["page.html"], TestFiles.ReadAll(mixed).Select(d => d.Id));
        Assert.Equal(["notes.txt"], TestFiles.ReadAll(mixed, new CorpusOptions { Format = CorpusFormat.TextFolder }).Select(d => d.Id));
    }

    [Fact]
    public void Same_relative_path_in_two_folders_is_a_duplicate_id()
    {
        using var dir = new TempDir();
        dir.Write("one/doc.txt", "first");
        string second = dir.Write("two/doc.txt", "second");

        var error = TestFiles.ReadExpectingError([Path.Combine(dir.Path, "one"), Path.Combine(dir.Path, "two")]);

        Assert.Equal(CorpusErrorReason.DuplicateId, error.Reason);
        Assert.Equal(second, error.File);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Text_file_with_only_whitespace_is_empty()
    {
        using var dir = new TempDir();
        string blank = dir.Write("t/blank.txt", Encoding.UTF8.GetBytes(" \n\t\n"));

        var error = TestFiles.ReadExpectingError([Path.Combine(dir.Path, "t")]);

        Assert.Equal(CorpusErrorReason.EmptyDocument, error.Reason);
        Assert.Equal($"{blank}: document text is empty", error.Message);
    }
}
