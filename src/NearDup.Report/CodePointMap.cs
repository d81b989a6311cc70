namespace NearDup.Report;

/// <summary>Maps Unicode code point offsets of one text back to UTF-16 offsets (an <see cref="NearDup.Align.Edit"/>
/// carries code points only); the inverse of <see cref="NearDup.Text.CodePointIndex"/>.</summary>
public sealed class CodePointMap
{
    private readonly int[]? _utf16; // null when the text has no surrogate pair: the offsets agree
    private readonly int _length;

    /// <summary>Indexes <paramref name="text"/>; costs nothing beyond one scan when it has no surrogate pair.</summary>
    public CodePointMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _length = text.Length;
        int pairs = 0;
        for (int i = 0; i + 1 < text.Length; i++)
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])) { pairs++; i++; }
        if (pairs == 0) return;
        _utf16 = new int[text.Length - pairs + 1];
        int cp = 0;
        for (int i = 0; i < text.Length; i++)
        {
            _utf16[cp++] = i;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        _utf16[cp] = text.Length;
    }

    /// <summary>The UTF-16 offset of code point offset <paramref name="codePoint"/> (clamped to the text).</summary>
    public int ToUtf16(int codePoint)
    {
        if (_utf16 is null) return Math.Clamp(codePoint, 0, _length);
        return _utf16[Math.Clamp(codePoint, 0, _utf16.Length - 1)];
    }
}
