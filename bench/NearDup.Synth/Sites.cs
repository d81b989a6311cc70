namespace NearDup.Synth;

/// <summary>A publisher: its name, house style, and the boilerplate it wraps around every story.</summary>
internal sealed record Site(string Name, bool Uk, bool Curly, string? Header, string? Footer, double Weight);

internal static class Sites
{
    private static readonly string[] Kinds =
    [
        "Courier", "Times", "Herald", "Post", "Tribune", "Gazette", "Observer", "Chronicle", "Daily News", "Express",
        "Star", "Ledger", "Record", "Sentinel", "Mirror", "Journal", "Dispatch", "Standard", "Examiner", "Bulletin",
    ];

    private static readonly string[] Headers = ["Short Url", "Advertisement", "Listen to this article", "Share this story"];

    private static readonly string[] Newsletter =
    [
        "Subscribe to our newsletter to receive the latest news from {0} straight to your inbox every morning.",
        "Sign up for the {0} daily briefing and get the stories that matter delivered to your inbox.",
        "Get our free newsletter with the top local headlines, weather and sport every weekday.",
    ];

    private static readonly string[] Social =
    [
        "Follow us on social media for breaking news, live updates and exclusive coverage.",
        "Have a story tip? Contact our newsroom at any time, day or night.",
        "Read more local news, opinion and sport on our website and in our print edition.",
        "Support independent local journalism: become a member of {0} today.",
    ];

    private static readonly string[] Copyright =
    [
        "\u00A9 {1} {0}. All rights reserved.",
        "Copyright \u00A9 {1} {0} Media Group. All rights reserved.",
        "\u00A9 {1} {0}. This material may not be published, broadcast, rewritten or redistributed without permission.",
    ];

    private static readonly string[] Tails =
        ["Advertisement", "Story continues below advertisement", "Terms of Use | Privacy Policy | Contact Us", "Related topics"];

    /// <summary>
    /// Makes <paramref name="count"/> sites. About 60% carry a fixed footer (30–60 words) and about 30% a
    /// header line. Site sizes vary (a few big outlets, many small ones). In plain mode there is no
    /// boilerplate and every site writes straight quotes and American spelling.
    /// </summary>
    public static Site[] Create(ulong seed, int count, Lexicon lexicon, bool plain)
    {
        var rng = new Rng(Rng.Mix(seed, 0x517E5));
        var withFooter = new bool[count];
        int footers = (int)Math.Round(count * 0.6);
        for (int i = 0; i < footers; i++) withFooter[i] = true;
        rng.Shuffle(withFooter);

        var places = (string[])lexicon.Places.Clone();
        rng.Shuffle(places);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sites = new Site[count];
        for (int i = 0; i < count; i++)
        {
            string name;
            int k = 0;
            do
            {
                string place = places[(i + k * count) % places.Length];
                string kind = Kinds[(i + k) % Kinds.Length];
                name = (rng.Chance(0.5) ? "The " : "") + place + " " + kind;
                k++;
            } while (!names.Add(name));

            bool uk = !plain && rng.Chance(0.35);
            bool curly = !plain && rng.Chance(0.5);
            string? header = !plain && rng.Chance(0.3) ? rng.Pick(Headers) : null;
            string? footer = !plain && withFooter[i] ? Footer(rng, name) : null;
            double weight = 1.0 / (1.0 + 0.15 * i);
            sites[i] = new Site(name, uk, curly, header, footer, weight);
        }
        return sites;
    }

    private static string Footer(Rng rng, string name)
    {
        string year = rng.Range(2019, 2025).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Fill(string template) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name, year);
        while (true)
        {
            var lines = new List<string>();
            string first = Fill(rng.Pick(Newsletter));
            if (rng.Chance(0.7)) first += " " + Fill(rng.Pick(Social));
            lines.Add(first);
            lines.Add(Fill(rng.Pick(Copyright)));
            lines.Add(rng.Pick(Tails));
            string footer = string.Join("\n", lines);
            int words = footer.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is >= 30 and <= 60) return footer;
        }
    }
}
