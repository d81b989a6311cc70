namespace NearDup.Text;

/// <summary>A reusable, growable token buffer: one per worker thread, so tokenising allocates nothing in steady state.</summary>
public sealed class TokenList
{
    private Token[] _items;

    /// <summary>Creates a buffer with room for <paramref name="capacity"/> tokens.</summary>
    public TokenList(int capacity = 1024) => _items = new Token[Math.Max(16, capacity)];

    /// <summary>The number of tokens held.</summary>
    public int Count { get; private set; }

    /// <summary>The tokens held, in text order.</summary>
    public ReadOnlySpan<Token> Span => _items.AsSpan(0, Count);

    /// <summary>Empties the buffer, keeping its storage.</summary>
    public void Clear() => Count = 0;

    /// <summary>Appends a token.</summary>
    public void Add(Token token)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }
}
