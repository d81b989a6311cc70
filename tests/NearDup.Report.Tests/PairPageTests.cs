using System.Text.RegularExpressions;

namespace NearDup.Report.Tests;

/// <summary>The pair page (compare --html and the report's pair pages): texts escaped, one span per passage per side, edits.</summary>
public sealed class PairPageTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CompareHtml(string textA, string textB, string nameA = "a.txt", string nameB = "b.txt")
    {
        string page = Path.Combine(_dir.Path, "page.html");
        var (exit, stdout, stderr) = Cli.Run("compare", _dir.File(nameA, textA), _dir.File(nameB, textB), "--html", page);
        Assert.True(exit == 0, stderr);
        Assert.Contains(page, stdout);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
        return File.ReadAllText(page);
    }

    [Fact]
    public void The_page_holds_both_texts_and_one_span_per_passage_on_each_side_with_matching_ids()
    {
        string html = CompareHtml(CompareTests.TextA, CompareTests.TextB);

        Assert.Equal(CompareTests.TextA, PageReader.SideText(html, 'a'));
        Assert.Equal(CompareTests.TextB, PageReader.SideText(html, 'b'));
        var spans = PageReader.PassageSpans(html);
        Assert.Equal([("a1", "b1"), ("b1", "a1")], spans);
        Assert.Contains("<dd data-score=\"passages\">1</dd>", html);
        Assert.Matches("<dd data-score=\"resemblance\">0\\.\\d{3}</dd>", html);
        Assert.Matches("<dd data-score=\"coverage-a\">\\d+\\.\\d%</dd>", html);
        Assert.Matches("<dd data-score=\"coverage-b\">\\d+\\.\\d%</dd>", html);
        // Edits: struck through on A, underlined on B, a substitution on both sides.
        Assert.Contains("<del title=\"not in B\">total</del>", html);
        Assert.Contains("<ins title=\"not in A\">easily</ins>", html);
        Assert.Contains("<del class=\"sub\" title=\"B has: color\">colour</del>", html);
        Assert.Contains("<ins class=\"sub\" title=\"A has: colour\">color</ins>", html);
        // Self-contained: no external resource of any kind.
        Assert.DoesNotMatch("(?i)<(link|img|iframe)\\b|\\bsrc=|@import|url\\(|https?://", html);
    }

    [Fact]
    public void Markup_in_documents_and_ids_is_escaped_so_it_cannot_inject_html()
    {
        const string Attack = "<script>alert('pwned')</script> <img src=x onerror=\"alert(1)\"> \"><b>bold</b> &amp; & <!-- x --> ";
        string shared = CompareTests.SharedA;
        string a = Attack + "\n" + shared + ".\n</div></section><script>alert(2)</script>";
        string b = "Intro " + Attack + "\n" + shared + " <em>tail</em>.";
        string html = CompareHtml(a, b, nameA: "<i>a<i>.txt", nameB: "b\"><svg onload=alert(1)>.txt");

        Assert.Equal(a, PageReader.SideText(html, 'a'));
        Assert.Equal(b, PageReader.SideText(html, 'b'));
        Assert.Single(Regex.Matches(html, "<script")); // only the page's own script
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>bold", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("<i>", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("<!-- x", html);
        Assert.Contains("alert(&#39;pwned&#39;)&lt;/script&gt;", html); // (a passage span may start inside the tag's text)
        Assert.Contains("&amp;amp; &amp;", html);
        Assert.Contains("&lt;i&gt;a&lt;i&gt;.txt", html);
        Assert.Contains("b&quot;&gt;&lt;svg onload=alert(1)&gt;.txt", html);
    }

    [Fact]
    public void Passages_moved_in_B_keep_their_twin_ids_and_colours()
    {
        var words = new Words(7);
        string p1 = words.Sentence(30), p2 = words.Sentence(30), p3 = words.Sentence(30);
        string a = p1 + "\n" + words.Sentence(20) + "\n" + p2 + "\n" + words.Sentence(20) + "\n" + p3;
        string b = p3 + "\n" + words.Sentence(20) + "\n" + p1 + "\n" + words.Sentence(20) + "\n" + p2; // p3 moved to the front
        var comparison = PairComparison.Compare("a", a, "b", b);
        string html = PairPage.Render(comparison.ToPageModel());

        Assert.Equal(3, comparison.Alignment.Passages.Count);
        var spans = PageReader.PassageSpans(html);
        Assert.Equal(["a1", "a2", "a3"], spans.Where(s => s.Id[0] == 'a').Select(s => s.Id));
        Assert.Equal(["b3", "b1", "b2"], spans.Where(s => s.Id[0] == 'b').Select(s => s.Id)); // in B's text order
        Assert.All(spans, s => Assert.Equal(s.Id[1..], s.Twin[1..]));
        foreach (int n in new[] { 1, 2, 3 })
        {
            string colourA = Regex.Match(html, $"class=\"p (c\\d)\" id=\"a{n}\"").Groups[1].Value;
            Assert.Equal(colourA, Regex.Match(html, $"class=\"p (c\\d)\" id=\"b{n}\"").Groups[1].Value);
        }
        Assert.Equal(a, PageReader.SideText(html, 'a'));
        Assert.Equal(b, PageReader.SideText(html, 'b'));
    }

    [Fact]
    public void Unrelated_texts_give_a_page_with_no_passages()
    {
        var words = new Words(3);
        string html = CompareHtml(words.Paragraphs(3), words.Paragraphs(3));
        Assert.Empty(PageReader.PassageSpans(html));
        Assert.Contains("<dd data-score=\"passages\">0</dd>", html);
        Assert.Contains("rel-unrelated", html);
    }
}
