namespace NearDup.Sketches;

/// <summary>A selected shingle: its hash and its position (the index of its first token).</summary>
public readonly record struct Fingerprint(ulong Hash, int Position);

/// <summary>
/// Winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003, the algorithm behind MOSS): from every window of
/// <c>w</c> consecutive shingle hashes keep the smallest (the rightmost on ties). Any passage two texts share
/// that is at least <c>w + k - 1</c> tokens long yields at least one shared fingerprint, while only about
/// <c>2/(w+1)</c> of the shingles are kept.
/// </summary>
public static class Winnowing
{
    /// <summary>Appends the fingerprints of <paramref name="shingleHashes"/> to <paramref name="output"/>.
    /// A text with fewer shingles than the window keeps its smallest one.</summary>
    public static void Select(ReadOnlySpan<ulong> shingleHashes, int window, List<Fingerprint> output)
    {
        var positions = new int[shingleHashes.Length];
        int count = SelectPositions(shingleHashes, window, positions);
        foreach (int p in positions.AsSpan(0, count)) output.Add(new Fingerprint(shingleHashes[p], p));
    }

    /// <summary>
    /// Writes the positions of the fingerprints of <paramref name="shingleHashes"/>, ascending, to
    /// <paramref name="positions"/> (room for one per shingle suffices) and returns how many there are: the
    /// allocation-free form the sketcher uses.
    /// </summary>
    public static int SelectPositions(ReadOnlySpan<ulong> shingleHashes, int window, Span<int> positions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int n = shingleHashes.Length;
        if (n == 0) return 0;
        int count = 0;
        if (window == 1)
        {
            for (int i = 0; i < n; i++) positions[count++] = i;
            return count;
        }
        int last = -1;
        int minPos = -1;
        int windows = Math.Max(1, n - window + 1);
        for (int start = 0; start < windows; start++)
        {
            int end = Math.Min(n, start + window);
            if (minPos < start)
            {
                // The previous minimum left the window: rescan it (rightmost minimum wins ties).
                minPos = start;
                for (int i = start + 1; i < end; i++)
                    if (shingleHashes[i] <= shingleHashes[minPos]) minPos = i;
            }
            else if (shingleHashes[end - 1] <= shingleHashes[minPos])
            {
                minPos = end - 1;
            }
            if (minPos != last)
            {
                positions[count++] = minPos;
                last = minPos;
            }
        }
        return count;
    }
}
