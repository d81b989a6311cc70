namespace NearDup.Synth;

/// <summary>
/// The vocabulary of the synthetic language, deterministic from the seed: ~170 real English function and
/// news words at the top ranks, a few real words with British/American spellings, then pseudo-words built
/// from syllables, drawn with a Zipf–Mandelbrot frequency law. Plus pseudo first names, surnames and places.
/// </summary>
internal sealed class Lexicon
{
    private static readonly string[] RealWords =
    [
        "the", "of", "to", "and", "a", "in", "that", "said", "for", "on", "is", "was", "with", "he", "it", "as", "at",
        "by", "from", "his", "be", "has", "have", "an", "are", "they", "not", "this", "will", "were", "but", "which",
        "after", "who", "had", "their", "been", "its", "would", "also", "more", "than", "about", "over", "into", "two",
        "year", "new", "people", "she", "her", "one", "last", "there", "we", "could", "first", "when", "other", "up",
        "all", "out", "some", "three", "government", "police", "city", "officials", "minister", "week", "told", "state",
        "years", "percent", "million", "our", "can", "no", "time", "what", "just", "before", "may", "since", "local",
        "public", "during", "under", "while", "only", "because", "against", "between", "where", "most", "many", "made",
        "them", "such", "report", "according", "statement", "national", "council", "court", "market", "company",
        "health", "school", "president", "country", "area", "water", "plan", "news", "later", "any", "back", "next",
        "four", "now", "then", "those", "these", "if", "so", "how", "did", "him", "do", "being", "five", "spokesperson",
        "residents", "election", "support", "workers", "project", "funding", "service", "law", "family", "community",
        "region", "district", "business", "prices", "rise", "increase", "building", "road", "hospital", "children",
        "cost", "board", "vote", "months", "month", "day", "days", "home", "still", "very", "should", "around", "per",
    ];

    /// <summary>Real words that American and British English spell differently (US, UK).</summary>
    private static readonly (string Us, string Uk)[] RealVariants =
    [
        ("organization", "organisation"), ("organized", "organised"), ("recognized", "recognised"),
        ("criticized", "criticised"), ("emphasized", "emphasised"), ("realized", "realised"),
        ("apologized", "apologised"), ("modernization", "modernisation"), ("authorized", "authorised"),
        ("labor", "labour"), ("center", "centre"), ("defense", "defence"), ("program", "programme"),
        ("favor", "favour"), ("favorite", "favourite"), ("neighborhood", "neighbourhood"), ("behavior", "behaviour"),
        ("honor", "honour"), ("color", "colour"), ("analyze", "analyse"), ("traveled", "travelled"),
        ("canceled", "cancelled"),
    ];

    private static readonly string[] Onsets =
    [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cr", "dr",
        "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl", "sl", "st", "sp", "sk", "sh", "ch", "th", "qu", "wh", "",
        "", "", "m", "n", "l", "r", "t", "s", "d", "k",
    ];
    private static readonly string[] SimpleOnsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", ""];
    private static readonly string[] SimpleVowels = ["a", "e", "i", "o", "u", "a", "e", "o"];
    private static readonly string[] SimpleCodas = ["n", "r", "l", "s", "m", "t"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ee", "oo", "ou", "ie", "io", "y"];
    private static readonly string[] Codas = ["", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "nt", "st", "rk", "ck", "ng", "sh", "ss", "ll", "x", "ct", "mp"];
    private static readonly string[] Suffixes = ["ing", "ed", "er", "s", "ly", "tion", "ment", "al", "ness", "ity", "ers", "ic", "ous", "ive"];
    private static readonly string[] IzeSuffixes = ["ize", "izes", "ized", "izing", "ization"];
    private static readonly string[] NameEndings = ["", "", "", "a", "o", "en", "el", "is", "an", "ie"];
    private static readonly string[] SurnameEndings = ["", "", "", "son", "ez", "ski", "er", "ov", "ini", "ley", "ton", "ard", "berg"];
    private static readonly string[] PlaceEndings = ["", "ton", "ford", "burg", "ville", "stan", "abad", "pur", "ia", "mouth", "field", "dale", "port", "haven"];

    public static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] OrgKinds =
    [
        "City Council", "Chamber of Commerce", "Water Authority", "Health Board", "Police Department", "Teachers Union",
        "Football Club", "Port Authority", "Electoral Commission", "Regional Assembly", "University", "Transport Agency",
        "Development Bank", "Farmers Association", "Housing Trust", "District Court",
    ];

    public readonly string[] Us;
    public readonly string[] Uk;
    public readonly string[] FirstNames;
    public readonly string[] Surnames;
    public readonly string[] Places;
    private readonly double[] _prob;
    private readonly int[] _alias;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _usToUk;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _ukToUs;

    public int Size => Us.Length;

    public Lexicon(ulong seed, int size = 20_000, double exponent = 1.0, double offset = 2.7)
    {
        var rng = new Rng(Rng.Mix(seed, 0x1E41C0));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var us = new List<string>(size);
        var uk = new List<string>(size);
        var usToUk = new Dictionary<string, string>(StringComparer.Ordinal);
        var ukToUs = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var w in RealWords)
            if (seen.Add(w)) { us.Add(w); uk.Add(w); }
        foreach (var (u, b) in RealVariants)
        {
            seen.Add(u); seen.Add(b);
            usToUk[u] = b; ukToUs[b] = u;
        }

        while (us.Count < size - RealVariants.Length)
        {
            int rank = us.Count;
            int syllables = rank < 1500 ? rng.Range(1, 2) : rank < 8000 ? 2 : rng.Range(2, 3);
            string stem = Stem(rng, syllables);
            double roll = rng.NextDouble();
            string w, b;
            if (roll < 0.008)
            {
                // -ize family: the British form writes -ise.
                string suffix = rng.Pick(IzeSuffixes);
                w = TrimVowelEnd(stem) + suffix;
                b = TrimVowelEnd(stem) + suffix.Replace('z', 's');
            }
            else if (roll < 0.012)
            {
                // -or words (like color/colour): the British form writes -our.
                w = TrimVowelEnd(stem) + "or";
                b = TrimVowelEnd(stem) + "our";
            }
            else
            {
                w = roll < 0.3 ? stem + rng.Pick(Suffixes) : stem;
                b = w;
            }
            if (w.Length < 2 || w.Length > 15 || seen.Contains(w) || seen.Contains(b)) continue;
            seen.Add(w); seen.Add(b);
            us.Add(w); uk.Add(b);
            if (!ReferenceEquals(w, b) && w != b) { usToUk[w] = b; ukToUs[b] = w; }
        }
        // The real spelling-variant words get middling ranks (like "organization" in news text): ~0.3% of tokens.
        for (int i = 0; i < RealVariants.Length; i++)
        {
            int at = Math.Min(us.Count, 250 + i * 60);
            us.Insert(at, RealVariants[i].Us);
            uk.Insert(at, RealVariants[i].Uk);
        }
        Us = [.. us];
        Uk = [.. uk];
        _usToUk = usToUk.GetAlternateLookup<ReadOnlySpan<char>>();
        _ukToUs = ukToUs.GetAlternateLookup<ReadOnlySpan<char>>();

        FirstNames = Names(rng, 400, seen, 2, 2, NameEndings);
        Surnames = Names(rng, 3000, seen, 1, 3, SurnameEndings);
        Places = Names(rng, 600, seen, 1, 3, PlaceEndings);

        // Walker's alias table over the Zipf–Mandelbrot weights 1 / (rank + offset)^exponent.
        int n = Us.Length;
        var weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) total += weights[i] = Math.Pow(i + offset, -exponent);
        _prob = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            scaled[i] = weights[i] / total * n;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            _prob[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        while (large.Count > 0) { int l = large.Pop(); _prob[l] = 1; _alias[l] = l; }
        while (small.Count > 0) { int s = small.Pop(); _prob[s] = 1; _alias[s] = s; }
    }

    /// <summary>A word rank drawn from the Zipf law (O(1), one random number).</summary>
    public int SampleRank(Rng rng)
    {
        ulong u = rng.Next();
        int i = (int)(((u >> 32) * (ulong)_prob.Length) >> 32);
        double f = (u & 0xFFFFFFFF) * (1.0 / 4294967296.0);
        return f < _prob[i] ? i : _alias[i];
    }

    public string Word(Rng rng, bool uk) => (uk ? Uk : Us)[SampleRank(rng)];

    /// <summary>The other spelling of a (lower-case) word, if it has one in the given direction.</summary>
    public bool TryRespell(ReadOnlySpan<char> lower, bool toUk, out string other) =>
        toUk ? _usToUk.TryGetValue(lower, out other!) : _ukToUs.TryGetValue(lower, out other!);

    private static string Stem(Rng rng, int syllables)
    {
        var sb = new System.Text.StringBuilder(16);
        for (int syl = 0; syl < syllables; syl++)
        {
            bool last = syl == syllables - 1;
            string onset;
            do onset = rng.Chance(0.75) ? rng.Pick(SimpleOnsets) : rng.Pick(Onsets);
            while (sb.Length > 0 && (onset.Length == 0 ? IsVowel(sb[^1]) : sb[^1] == onset[0]));
            sb.Append(onset);
            sb.Append(rng.Chance(0.85) ? rng.Pick(SimpleVowels) : rng.Pick(Vowels));
            if (last ? rng.Chance(0.6) : rng.Chance(0.3)) sb.Append(last ? rng.Pick(Codas) : rng.Pick(SimpleCodas));
        }
        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static string TrimVowelEnd(string s)
    {
        int end = s.Length;
        while (end > 2 && "aeiouy".Contains(s[end - 1])) end--;
        return s[..end];
    }

    private static string[] Names(Rng rng, int count, HashSet<string> seen, int minSyl, int maxSyl, string[] endings)
    {
        var result = new List<string>(count);
        while (result.Count < count)
        {
            string stem = Stem(rng, rng.Range(minSyl, maxSyl)) + rng.Pick(endings);
            if (stem.Length < 3 || stem.Length > 13 || !seen.Add(stem)) continue;
            result.Add(char.ToUpperInvariant(stem[0]) + stem[1..]);
        }
        return [.. result];
    }
}
