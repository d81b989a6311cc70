namespace NearDup.Synth;

/// <summary>
/// The body of one document without its site boilerplate: paragraphs joined by "\n" in one buffer, each
/// paragraph's origin (its index in the group's base story, or -1 for text of its own), and the title.
/// This is exactly the text the truth metrics are computed on.
/// </summary>
internal sealed class Content
{
    public readonly CharBuf Text = new(4096);
    public readonly List<int> Starts = new(16);
    public readonly List<int> Lengths = new(16);
    public readonly List<int> Origins = new(16);
    /// <summary>Characters of paragraph 0 taken by a dateline ("KALMORE, March 3 — "); 0 if none.</summary>
    public int DatelineLength;
    /// <summary>Paragraphs in the group's base story (origins index into it).</summary>
    public int BaseParagraphs;
    public string Title = "";

    public int Count => Starts.Count;

    public void Clear()
    {
        Text.Clear();
        Starts.Clear();
        Lengths.Clear();
        Origins.Clear();
        DatelineLength = 0;
        BaseParagraphs = 0;
        Title = "";
    }

    public void BeginParagraph()
    {
        if (Starts.Count > 0) Text.Append('\n');
        Starts.Add(Text.Length);
    }

    public void EndParagraph(int origin)
    {
        Text.TrimEndSpaces();
        Lengths.Add(Text.Length - Starts[^1]);
        Origins.Add(origin);
    }

    public ReadOnlySpan<char> Paragraph(int i) => Text.Data.AsSpan(Starts[i], Lengths[i]);

    public ReadOnlySpan<char> Span => Text.Data.AsSpan(0, Text.Length);

    /// <summary>Base paragraphs present, as a bit mask, and whether any paragraph is the document's own.</summary>
    public (int Mask, bool Own) OriginSet()
    {
        int mask = 0;
        bool own = false;
        foreach (int o in Origins)
        {
            if (o < 0) own = true;
            else mask |= 1 << o;
        }
        return (mask, own);
    }

    public static int CountWords(ReadOnlySpan<char> s)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = c != ' ' && c != '\n';
            if (w && !inWord) words++;
            inWord = w;
        }
        return words;
    }
}
