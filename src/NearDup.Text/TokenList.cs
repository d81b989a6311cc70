using System.Runtime.CompilerServices;

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
    // Called once per token from the tokeniser's loop: inlined, with the rare growth kept out of line. The native
    // (AOT) build did not inline it on its own, and the call cost as much as the rest of the tokeniser (6% of a
    // 100k-document dedup's CPU in a profile).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Token token)
    {
        int count = Count;
        var items = _items;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = token;
            Count = count + 1;
            return;
        }
        AddWithGrowth(token);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddWithGrowth(Token token)
    {
        Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }
}
