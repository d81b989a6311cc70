using System.Text;
using NearDup.Corpus;

namespace NearDup.Corpus.Tests;

/// <summary>
/// Folder files are read and extracted side by side (HTML readability takes milliseconds a page) and accepted in
/// file order: documents, ordinals, skips and the first error must be those of the one-by-one reader.
/// </summary>
public class ParallelFolderTests
{
    private static string Article(int i) =>
        $"<!DOCTYPE html><html><head><title>Story {i}</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>" +
        $"<article><h1>Story {i}</h1>" +
        string.Concat(Enumerable.Range(0, 4).Select(p =>
            $"<p>Paragraph {p} of story {i}: the council met on day {i % 28 + 1} to discuss the harbour, the budget and the " +
            $"repairs that the storm of week {p + i} left behind, and residents asked again about the ferry timetable.</p>")) +
        "</article><footer>Copyright Valley Courier</footer></body></html>";

    /// <summary>A folder of good pages with, every few files, one that has no readable content, invalid UTF-8 or a
    /// duplicate-making twin; file names sort in a fixed order.</summary>
    private static string MixedSite(TempDir dir, int pages)
    {
        for (int i = 0; i < pages; i++)
        {
            string name = $"site/p{i:D4}.html";
            switch (i % 9)
            {
                case 4: dir.Write(name, "<html><body><nav><a href=\"/\">Home</a></nav></body></html>"); break;
                case 7: dir.Write(name, [.. Encoding.UTF8.GetBytes(Article(i))[..200], 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("</p></body></html>")]); break;
                default: dir.Write(name, Article(i)); break;
            }
        }
        return Path.Combine(dir.Path, "site");
    }

    private static (List<(long, string, string, string?, SourceLocation)> Docs, string Skips) Read(string path, CorpusOptions options)
    {
        var reader = Corpus.Open([path], options);
        var docs = reader.ReadDocuments().Select(d => (d.Ordinal, d.Id, d.Text, d.Title, d.Location)).ToList();
        return (docs, reader.SkipReport.Total + ": " + reader.SkipReport);
    }

    [Fact]
    public void Html_pages_extracted_in_parallel_match_the_one_by_one_reading()
    {
        using var dir = new TempDir();
        string site = MixedSite(dir, 60);
        var options = new CorpusOptions { OnBadRecord = BadRecordAction.Skip };
        var sequential = Read(site, options with { ParseThreads = 1 });
        Assert.Equal(60 - 7 - 6, sequential.Docs.Count); // 7 menu-only pages, 6 with invalid UTF-8
        Assert.All(sequential.Docs, d => Assert.StartsWith("Story ", d.Item4));
        foreach (int threads in new[] { 2, 4, 8 })
        {
            var parallel = Read(site, options with { ParseThreads = threads });
            Assert.Equal(sequential.Docs, parallel.Docs);
            Assert.Equal(sequential.Skips, parallel.Skips);
        }
    }

    [Fact]
    public void Parallel_extraction_fails_on_the_first_bad_page_in_file_order()
    {
        using var dir = new TempDir();
        string site = MixedSite(dir, 30);
        foreach (int threads in new[] { 1, 4 })
        {
            var reader = Corpus.Open([site], new CorpusOptions { ParseThreads = threads });
            int seen = 0;
            var error = Assert.Throws<CorpusException>(() => { foreach (var _ in reader.ReadDocuments()) seen++; });
            Assert.Equal(CorpusErrorReason.NoReadableContent, error.Reason);
            Assert.EndsWith("p0004.html", error.Location.File);
            Assert.Equal(4, seen);
        }
    }
}
