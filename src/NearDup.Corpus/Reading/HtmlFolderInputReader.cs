using AngleSharp.Dom;

namespace NearDup.Corpus;

/// <summary>
/// A folder of *.html/*.htm files: each page is one document whose text is the main content extracted by
/// SmartReader (a Readability port) and whose id is the relative path.
/// </summary>
internal sealed class HtmlFolderInputReader(CorpusInput input, ReadSession session) : FolderInputReader(input, session)
{
    private static readonly string[] FurnitureTags = ["nav", "footer", "aside"];
    private static readonly string[] FurnitureRoles = ["navigation", "contentinfo", "complementary"];
    private static readonly string[] FurnitureMarkers = ["cookie", "consent", "gdpr"];
    private const int MaxMarkedFurnitureChars = 2000;

    /// <summary>Readability extraction takes milliseconds a page, far more than reading it: every core the run may use
    /// unless told.</summary>
    protected override int ExtractThreads => Options.ParseThreads > 0 ? Options.ParseThreads : Options.EffectiveThreads;

    protected override Extracted Extract(InputFile file, ReadOnlySpan<byte> bytes)
    {
        var decoded = Decode(file, bytes);
        if (decoded.Text is not { } html)
            return decoded;

        var (article, failure) = ExtractArticle(file.Path, html);
        string text = article?.TextContent?.Trim() ?? "";
        if (article is null || !article.IsReadable || text.Length == 0)
            return Extracted.Problem(CorpusErrorReason.NoReadableContent, new SourceLocation(file.Path),
                failure is null ? "no readable content" : $"no readable content ({failure})");

        string? title = string.IsNullOrWhiteSpace(article.Title) ? null : article.Title.Trim();
        return Extracted.Document(text, title);
    }

    private static (SmartReader.Article? Article, string? Failure) ExtractArticle(string path, string html)
    {
        try
        {
            // The (uri, text) constructor parses the given HTML. The static ParseArticle(uri, string) overload takes
            // a user agent as its second argument and downloads the uri instead, so it must not be used here.
            var reader = new SmartReader.Reader(new Uri(Path.GetFullPath(path)).AbsoluteUri, html);
            reader.AddCustomOperationStart(RemovePageFurniture);
            var article = reader.GetArticle();
            return (article, article.Errors.FirstOrDefault()?.Message);
        }
        catch (Exception e)
        {
            // SmartReader reports most failures through Article.Errors; anything else still only spoils this page.
            return (null, e.Message);
        }
    }

    /// <summary>
    /// Readability drops most furniture by itself, but when a page's article is short it retries with its
    /// "unlikely candidate" filter off and can keep cookie banners and menus; remove the unambiguous ones first.
    /// </summary>
    private static void RemovePageFurniture(IElement root)
    {
        var furniture = root.QuerySelectorAll("*").Where(IsFurniture).ToList();
        foreach (var element in furniture)
            element.Remove();
    }

    private static bool IsFurniture(IElement element)
    {
        if (FurnitureTags.Contains(element.LocalName))
            return true;
        string? role = element.GetAttribute("role");
        if (role is not null && FurnitureRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
            return true;
        // Markers are a guess from names, so only trust them on small elements: a page wrapper or <body> with a
        // class such as "cookie-banner-open" holds the article too.
        if (element.LocalName is "body" or "main" or "article")
            return false;
        string idAndClass = $"{element.Id} {element.ClassName}";
        return FurnitureMarkers.Any(marker => idAndClass.Contains(marker, StringComparison.OrdinalIgnoreCase))
               && element.TextContent.Length <= MaxMarkedFurnitureChars;
    }
}
