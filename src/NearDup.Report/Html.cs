using System.Globalization;
using System.Text;

namespace NearDup.Report;

/// <summary>HTML escaping. Every piece of document text, id or title goes through here; attributes are always
/// double-quoted, and both quote characters are escaped, so the same escape is safe in text and in attributes.</summary>
internal static class Html
{
    /// <summary>Writes <paramref name="text"/> escaped: &amp; &lt; &gt; &quot; &#39;. Control characters other than
    /// tab, line feed and carriage return are replaced by U+FFFD (HTML forbids them), as are lone surrogates.</summary>
    public static void Escape(TextWriter w, ReadOnlySpan<char> text)
    {
        int run = 0; // start of the stretch that needs no escaping
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement;
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++; // a valid pair is written with its stretch
                    continue;
                }
                replacement = "\uFFFD";
            }
            else
            {
                replacement = c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    '\t' or '\n' or '\r' => null,
                    < ' ' or '\u007f' => "\uFFFD",
                    _ => null,
                };
                if (replacement is null) continue;
            }
            w.Write(text.Slice(run, i - run));
            w.Write(replacement);
            run = i + 1;
        }
        w.Write(text[run..]);
    }

    /// <summary>Escaped <paramref name="text"/> as a string.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Escape(w, text);
        return w.ToString();
    }

    /// <summary>Formats a share as a percentage with one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a score with three decimals.</summary>
    public static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Formats a count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>UTF-8 without a byte order mark, for the pages.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
