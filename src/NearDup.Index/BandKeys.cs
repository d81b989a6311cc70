using NearDup.Text;

namespace NearDup.Index;

/// <summary>Hashes each band of a signature into one 64-bit key, salted by the band number so that equal
/// values in different bands never collide.</summary>
public static class BandKeys
{
    /// <summary>Writes one key per band of <paramref name="signature"/> into <paramref name="keys"/>.</summary>
    public static void Compute(ReadOnlySpan<uint> signature, LshParameters parameters, Span<ulong> keys)
    {
        if (signature.Length < parameters.Permutations)
            throw new ArgumentException($"The signature has {signature.Length} values; the banding needs {parameters.Permutations}.", nameof(signature));
        for (int band = 0; band < parameters.Bands; band++)
        {
            ulong h = Hashing.Mix64((ulong)band + 1);
            var rows = signature.Slice(band * parameters.Rows, parameters.Rows);
            foreach (uint value in rows) h = Hashing.Mix64(h ^ value) + 0x9E3779B97F4A7C15UL;
            keys[band] = h;
        }
    }
}
