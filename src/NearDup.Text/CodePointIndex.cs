namespace NearDup.Text;

/// <summary>
/// Converts UTF-16 offsets of a text into Unicode code point offsets, the unit Python's <c>str</c> indexes by,
/// so offsets written to JSON select the same characters in any language.
/// </summary>
public sealed class CodePointIndex
{
    private readonly int[]? _surrogatesBefore; // null when the text has no surrogate pair (the common case)

    /// <summary>Indexes <paramref name="text"/>.</summary>
    public CodePointIndex(ReadOnlySpan<char> text)
    {
        int firstHigh = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i])) { firstHigh = i; break; }
        }
        if (firstHigh < 0) return;
        _surrogatesBefore = new int[text.Length + 1];
        int low = 0;
        for (int i = 0; i < text.Length; i++)
        {
            _surrogatesBefore[i] = low;
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])) low++;
        }
        _surrogatesBefore[text.Length] = low;
    }

    /// <summary>The code point offset of UTF-16 offset <paramref name="utf16Offset"/>.</summary>
    public int ToCodePoint(int utf16Offset) => _surrogatesBefore is null ? utf16Offset : utf16Offset - _surrogatesBefore[utf16Offset];
}
