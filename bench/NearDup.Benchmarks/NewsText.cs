namespace NearDup.Benchmarks;

/// <summary>News-length benchmark input: the real reprint example when ../shared is present, else generated text of the same length.</summary>
internal static class NewsText
{
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
