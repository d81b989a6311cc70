using System.Text;
using NearDup.Corpus;

namespace NearDup.Quality;

/// <summary>
/// Command <c>ocr</c>: the real example article (../shared/examples/000) and copies of it damaged like bad OCR at rising
/// rates, whole and halved, among the 100 news-story-chains articles, run on
/// words and on letters (<see cref="NearDupOptions.ForCharacters"/>). Counts the copies found and any pair between the
/// example's family and an unrelated article.
/// </summary>
public static class OcrEvaluation
{
    public static readonly double[] Rates = [0.01, 0.02, 0.04, 0.08];

    /// <param name="Found">Per option set ("words", "letters"): family pairs found of <see cref="Expected"/>.</param>
    /// <param name="FoundOriginal">Per option set: pairs of the original with one of its 8 damaged copies.</param>
    /// <param name="FalseWithFamily">Per option set: pairs of a family member with an unrelated article.</param>
    public sealed record OcrResult(int Expected, IReadOnlyDictionary<string, int> Found, IReadOnlyDictionary<string, int> FoundOriginal,
        IReadOnlyDictionary<string, int> FalseWithFamily, string Report);

    /// <summary>OCR-style damage: misread letters (m→rn, l→1, e→c, o→0, ...), lost spaces and doubled letters, at
    /// <paramref name="rate"/> per character, reproducibly for a seed.</summary>
    public static string Damage(string text, double rate, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(text.Length + text.Length / 10);
        foreach (char c in text)
        {
            double r = random.NextDouble();
            string? misread = c switch { 'm' => "rn", 'l' => "1", 'e' => "c", 'o' => "0", 'i' => "l", 'h' => "b", 'a' => "o", 'u' => "v", _ => null };
            if (r < rate && misread is not null) sb.Append(misread);
            else if (r < rate * 1.3 && c == ' ') { } // two words glued
            else if (r < rate * 1.5 && char.IsLetter(c)) sb.Append(c).Append(c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <param name="sharedDir">The ../shared folder.</param>
    /// <param name="letterShingleSize">Letters per shingle for the letters run (default <see cref="NearDupOptions.CharacterShingleSize"/>).</param>
    public static OcrResult Run(string sharedDir, int? letterShingleSize = null)
    {
        string original = File.ReadAllText(Path.Combine(sharedDir, "examples", "000_516bbe01d6261196.txt"));
        var articles = Csv.Read(Path.Combine(sharedDir, "data", "news-story-chains-energy", "gedikli-business_energy_news_dataset-2021-06-29-article_texts.csv"));
        int text = Array.IndexOf(articles[0], "text");
        var others = articles.Skip(1).Where(r => r.Length > text).Select(r => r[text]).ToList();

        var docs = new List<(string Id, string Text)> { ("orig", original) };
        for (int i = 0; i < Rates.Length; i++)
        {
            docs.Add(($"ocr-{Rates[i]:F2}", "PAGE 4 THE DAILY TRIBUNE\n" + Damage(original, Rates[i], seed: 11 + i)));
            string half = original[..(original.Length / 2)];
            docs.Add(($"ocr-half-{Rates[i]:F2}", "CONTINUED FROM PAGE 1\n" + Damage(half, Rates[i], seed: 31 + i)));
        }
        int family = docs.Count;
        for (int i = 0; i < others.Count; i++) docs.Add(($"chains-{i:00}", others[i]));
        int expected = family * (family - 1) / 2;

        var report = new StringBuilder($"ocr: the example article and {family - 1} damaged copies (rates {string.Join(", ", Rates.Select(r => r.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)))} of characters; whole and halved) among {others.Count} news-story-chains articles\n");
        var found = new Dictionary<string, int>();
        var foundOriginal = new Dictionary<string, int>();
        var falseWithFamily = new Dictionary<string, int>();
        foreach (var (name, options) in new[] { ("words", new NearDupOptions()), ("letters", new NearDupOptions().ForCharacters() with { ShingleSize = letterShingleSize ?? NearDupOptions.CharacterShingleSize }) })
        {
            var corpus = docs.Select((d, i) => new CorpusDocument(i, d.Id, d.Text, new SourceLocation(d.Id)));
            using var result = new DedupPipeline(options).Run(corpus);
            found[name] = result.Pairs.Count(p => p.A < family && p.B < family);
            foundOriginal[name] = result.Pairs.Count(p => p.A == 0 && p.B < family);
            falseWithFamily[name] = result.Pairs.Count(p => (p.A < family) != (p.B < family));
            var missing = Enumerable.Range(1, family - 1).Where(b => !result.Pairs.Any(p => p.A == 0 && p.B == b)).Select(b => docs[b].Id);
            report.Append($"ocr: {name}: {found[name]} of {expected} family pairs found, the original with {foundOriginal[name]} of its {family - 1} copies " +
                          $"(missing: {string.Join(", ", missing.DefaultIfEmpty("none"))}); {falseWithFamily[name]} pairs of a family member with an unrelated article\n");
        }
        return new OcrResult(expected, found, foundOriginal, falseWithFamily, report.ToString().TrimEnd());
    }
}
