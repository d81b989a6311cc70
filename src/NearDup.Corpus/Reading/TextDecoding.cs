using System.Text;
using System.Text.Unicode;

namespace NearDup.Corpus;

/// <summary>Decodes document bytes under <see cref="CorpusTextEncoding"/> and locates invalid UTF-8 for error messages.</summary>
internal static class TextDecoding
{
    private static readonly Lazy<Encoding> LazyWindows1252 = new(() =>
    {
        // .NET (Core) ships only the Unicode encodings built in; legacy code pages come from this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Windows-1252, the usual encoding of legacy Western text that is not UTF-8.</summary>
    public static Encoding Windows1252 => LazyWindows1252.Value;

    /// <summary>Bytes of the UTF-8 byte order mark, which is not part of the text.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Decodes <paramref name="bytes"/> as UTF-8, or as Windows-1252 when they are not valid UTF-8 and
    /// <paramref name="mode"/> allows it. Returns false (and the offset of the first invalid byte) otherwise.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, CorpusTextEncoding mode, out string text, out int invalidOffset)
    {
        invalidOffset = FindInvalidUtf8(bytes);
        if (invalidOffset < 0)
        {
            text = Encoding.UTF8.GetString(bytes);
            return true;
        }
        if (mode == CorpusTextEncoding.Utf8OrWindows1252)
        {
            text = Windows1252.GetString(bytes);
            return true;
        }
        text = "";
        return false;
    }

    /// <summary>Offset of the first byte of the first invalid UTF-8 sequence, or -1 if all of it is valid.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return -1;
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return -1;
    }

    /// <summary>Describes an invalid byte for a message: "invalid UTF-8 (byte 0x92 at column 17)".</summary>
    public static string DescribeInvalidUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        int lineStart = bytes[..offset].LastIndexOf((byte)'\n') + 1;
        return $"invalid UTF-8 (byte 0x{bytes[offset]:X2} at column {offset - lineStart + 1})";
    }

    /// <summary>1-based line number of the byte at <paramref name="offset"/>.</summary>
    public static long LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    /// <summary>The bytes without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
}
