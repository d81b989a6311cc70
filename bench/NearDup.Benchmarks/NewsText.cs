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
}
