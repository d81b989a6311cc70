namespace NearDup.Text;

/// <summary>What a token is.</summary>
public enum TokenUnit
{
    /// <summary>Words; scripts written without spaces (CJK, Thai, Lao, Khmer, Myanmar) give one token per character.</summary>
    Words,
    /// <summary>Every letter or digit is a token, spaces and punctuation are dropped: robust to OCR noise that splits or glues words.</summary>
    Characters,
}

/// <summary>How text is normalised into tokens. Two texts compare equal token by token when their normalised forms match.</summary>
public sealed record TokenizerOptions
{
    /// <summary>Word tokens by default.</summary>
    public TokenUnit Unit { get; init; } = TokenUnit.Words;

    /// <summary>
    /// When above zero, a word token is hashed on its first <c>StemPrefix</c> normalised code points only
    /// ("truncation stemming"): "emphasized"/"emphasised", "wished"/"wishes" and "withdraw"/"withdrew"
    /// then agree. 0 hashes whole words. See docs/PARAMETERS.md for the measurement behind the default.
    /// </summary>
    public int StemPrefix { get; init; } = 0;

    /// <summary>The defaults: Unicode words, NFKC, case folded, quotes/apostrophes folded, whole words.</summary>
    public static TokenizerOptions Default { get; } = new();
}
