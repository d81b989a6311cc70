using System.Runtime.CompilerServices;
using System.Text;

namespace NearDup.Synth;

/// <summary>A growable char buffer (a StringBuilder with its array exposed).</summary>
internal sealed class CharBuf(int capacity = 4096)
{
    public char[] Data = new char[capacity];
    public int Length;

    public Span<char> Span => Data.AsSpan(0, Length);

    public void Clear() => Length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        if (Length == Data.Length) Grow(1);
        Data[Length++] = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(string s) => Append(s.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ReadOnlySpan<char> s)
    {
        if (Length + s.Length > Data.Length) Grow(s.Length);
        s.CopyTo(Data.AsSpan(Length));
        Length += s.Length;
    }

    /// <summary>Appends <paramref name="s"/> with its first letter upper-cased.</summary>
    public void AppendCapitalised(string s)
    {
        int at = Length;
        Append(s);
        if (s.Length > 0) Data[at] = char.ToUpperInvariant(Data[at]);
    }

    public void AppendInt(long value)
    {
        Span<char> tmp = stackalloc char[24];
        value.TryFormat(tmp, out int n, default, System.Globalization.CultureInfo.InvariantCulture);
        Append(tmp[..n]);
    }

    public char Last => Length > 0 ? Data[Length - 1] : '\0';

    public void TrimEndSpaces()
    {
        while (Length > 0 && Data[Length - 1] == ' ') Length--;
    }

    private void Grow(int extra)
    {
        int size = Math.Max(Data.Length * 2, Length + extra);
        Array.Resize(ref Data, size);
    }

    public override string ToString() => new(Data, 0, Length);
}

/// <summary>A growable UTF-8 byte buffer with a JSON string escaper.</summary>
internal sealed class ByteBuf(int capacity = 1 << 20)
{
    public byte[] Data = new byte[capacity];
    public int Length;

    public ReadOnlySpan<byte> Span => Data.AsSpan(0, Length);

    public void Clear() => Length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int extra)
    {
        if (Length + extra > Data.Length) Array.Resize(ref Data, Math.Max(Data.Length * 2, Length + extra));
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(Data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Raw(byte b)
    {
        Ensure(1);
        Data[Length++] = b;
    }

    /// <summary>Writes plain ASCII text (numbers, keys) as-is.</summary>
    public void Ascii(ReadOnlySpan<char> s)
    {
        Ensure(s.Length);
        for (int i = 0; i < s.Length; i++) Data[Length++] = (byte)s[i];
    }

    public void Number(double value)
    {
        Span<char> tmp = stackalloc char[32];
        Math.Round(value, 6).TryFormat(tmp, out int n, "0.######", System.Globalization.CultureInfo.InvariantCulture);
        Ascii(tmp[..n]);
    }

    public void Number(long value)
    {
        Span<char> tmp = stackalloc char[24];
        value.TryFormat(tmp, out int n, default, System.Globalization.CultureInfo.InvariantCulture);
        Ascii(tmp[..n]);
    }

    /// <summary>Appends the JSON-escaped UTF-8 form of <paramref name="s"/> (no surrounding quotes).
    /// Non-ASCII text is written as UTF-8, not as \u escapes, so the files stay readable.</summary>
    public void Escaped(ReadOnlySpan<char> s)
    {
        Ensure(s.Length * 3 + 8);
        byte[] d = Data;
        int o = Length;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\') { d[o++] = (byte)c; continue; }
                if (o + 6 + (s.Length - i) * 3 > d.Length) { Length = o; Ensure(6 + (s.Length - i) * 3); d = Data; }
                d[o++] = (byte)'\\';
                switch (c)
                {
                    case '"': d[o++] = (byte)'"'; break;
                    case '\\': d[o++] = (byte)'\\'; break;
                    case '\n': d[o++] = (byte)'n'; break;
                    case '\r': d[o++] = (byte)'r'; break;
                    case '\t': d[o++] = (byte)'t'; break;
                    default:
                        d[o++] = (byte)'u'; d[o++] = (byte)'0'; d[o++] = (byte)'0';
                        d[o++] = (byte)"0123456789abcdef"[c >> 4]; d[o++] = (byte)"0123456789abcdef"[c & 15];
                        break;
                }
            }
            else if (c < 0x800)
            {
                d[o++] = (byte)(0xC0 | (c >> 6));
                d[o++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsSurrogate(c))
            {
                int len = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                o += Encoding.UTF8.GetBytes(s.Slice(i, len), d.AsSpan(o)); // a lone surrogate becomes U+FFFD
                i += len - 1;
            }
            else
            {
                d[o++] = (byte)(0xE0 | (c >> 12));
                d[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                d[o++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        Length = o;
    }

    public void JsonString(ReadOnlySpan<char> s)
    {
        Raw((byte)'"');
        Escaped(s);
        Raw((byte)'"');
    }
}
