namespace NearDup.Text;

/// <summary>
/// A token of the original text: its UTF-16 range in the text as given (never in a normalised copy)
/// and the 64-bit hash of its normalised form. Tokens that normalise alike hash alike.
/// </summary>
public readonly record struct Token(int Start, int Length, ulong Hash)
{
    /// <summary>One past the last UTF-16 unit of the token in the original text.</summary>
    public int End => Start + Length;
}
