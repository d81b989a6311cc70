namespace NearDup.Benchmarks;

/// <summary>News-length benchmark input: the real reprint example when ../shared is present, else generated text of the same length.</summary>
internal static class NewsText
{
    public static (string A, string B) LoadPair()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string a = Path.Combine(dir.FullName, "shared", "examples", "000_516bbe01d6261196.txt");
            string b = Path.Combine(dir.FullName, "shared", "examples", "001_f6d1ff49064b0f58.txt");
            if (File.Exists(a) && File.Exists(b)) return (File.ReadAllText(a), File.ReadAllText(b));
        }
        string text = Load();
        return (text, "A new opening paragraph. " + text.Replace(" said ", " says "));
    }

    public static string Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "examples", "000_516bbe01d6261196.txt");
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        var random = new Random(1);
        string[] words = ["the", "minister", "said", "on", "sunday", "talks", "peace", "process", "foreign", "region", "border", "country", "officials", "reported", "agreed"];
        return string.Join(" ", Enumerable.Range(0, 600).Select(_ => words[random.Next(words.Length)]));
    }

    /// <summary>The 100 news-story-chains articles when ../shared is present, else the bundled sample's texts.</summary>
    public static List<string> LoadArticles()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string csv = Path.Combine(dir.FullName, "shared", "data", "news-story-chains-energy", "gedikli-business_energy_news_dataset-2021-06-29-article_texts.csv");
            if (File.Exists(csv)) return ReadCsvColumn(csv, "text");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string sample = Path.Combine(dir.FullName, "samples", "news-sample.jsonl");
            if (File.Exists(sample))
                return File.ReadLines(sample).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        }
        return [Load()];
    }

    /// <summary>One column of a CSV file with a header row (quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<string> ReadCsvColumn(string path, string column)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(path) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        int index = Array.IndexOf(parser.ReadFields()!, column);
        var values = new List<string>();
        while (!parser.EndOfData)
            if (parser.ReadFields() is { } fields && fields.Length > index && fields[index].Length > 0) values.Add(fields[index]);
        return values;
    }
}
