using System.Text;

namespace NearDup.Tests;

/// <summary>Deterministic news-like filler text: unrelated documents made with different seeds share no 5-word run.</summary>
public sealed class TextMaker(int seed)
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ten", "ra", "vo", "shi", "pal", "dor", "en", "qua", "ri", "sto", "ne", "bar", "ul", "ex", "mon", "ta", "gri"];
    private readonly Random _random = new(seed);

    public string Word() => string.Concat(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Syllables[_random.Next(Syllables.Length)]));

    public string Sentence(int words = 14)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            string w = Word();
            sb.Append(i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).Append(i == words - 1 ? "." : " ");
        }
        return sb.ToString();
    }

    public string Paragraph(int sentences = 4) => string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Sentence(_random.Next(10, 20))));

    public string[] Paragraphs(int count) => Enumerable.Range(0, count).Select(_ => Paragraph()).ToArray();
}
