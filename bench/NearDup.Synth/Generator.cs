namespace NearDup.Synth;

/// <summary>A site's house style: British spelling, curly quotes.</summary>
internal readonly record struct Style(bool Uk, bool Curly);

internal enum SpellChange : byte { Keep, ToUk, ToUs }

internal enum QuoteChange : byte { Keep, ToCurly, ToStraight }

/// <summary>How a copy edits the text it copies.</summary>
internal struct EditSpec
{
    /// <summary>Chance per word of a substitution, insertion or deletion.</summary>
    public double WordRate;
    /// <summary>Chance per word of a case change.</summary>
    public double CaseRate;
    /// <summary>Chance per character of an OCR-style error.</summary>
    public double OcrRate;
    public SpellChange Spell;
    public QuoteChange Quotes;
    /// <summary>Spelling of inserted/substituted words.</summary>
    public bool TargetUk;
}

/// <summary>Per-thread scratch space.</summary>
internal sealed class Scratch
{
    public readonly List<ulong> Tokens = new(2048);
    public readonly Content Reprint = new();
    public readonly Content Own = new();
    public char[] Segment = new char[4096];
}

/// <summary>
/// Makes the text of any position as a pure function of (seed, plan, position): a base story is random text; a
/// derived document is made from its source's text (rebuilt on demand) with its own random stream. So documents
/// can be generated in any order, in parallel, and rebuilt for the truth pass with identical results.
/// </summary>
internal sealed class Generator(Options options, Lexicon lexicon, Site[] sites, Plan plan)
{
    private readonly ulong _seed = options.Seed;
    private const char LeftDouble = '\u201C', RightDouble = '\u201D', LeftSingle = '\u2018', RightSingle = '\u2019';

    public Plan Plan => plan;

    public Site SiteOf(int pos) => sites[plan.SiteOf[pos]];

    public Style StyleOf(int pos)
    {
        var s = sites[plan.SiteOf[pos]];
        return new Style(s.Uk, s.Curly);
    }

    /// <summary>Builds the content of <paramref name="pos"/>; <paramref name="resolve"/> supplies a source's content.</summary>
    public void Build(int pos, Content dst, Scratch sc, Func<int, Content> resolve)
    {
        dst.Clear();
        switch (plan.Roles[pos])
        {
            case Role.Base: Base(pos, dst); break;
            case Role.Duplicate: Duplicate(pos, resolve(plan.Sources[pos]), dst, sc); break;
            case Role.Contained: Contained(pos, resolve(plan.Sources[pos]), dst, sc); break;
            case Role.Partial: Partial(pos, resolve(plan.Sources[pos]), dst, sc); break;
        }
    }

    // ---------------------------------------------------------------- base stories

    private void Base(int pos, Content dst)
    {
        var r = Rng.For(_seed, pos, 1);
        var st = StyleOf(pos);
        dst.Title = Title(r);
        int paragraphs = Math.Min(15, 4 + (int)(-Math.Log(1 - r.NextDouble()) * options.ParagraphMean));
        dst.BaseParagraphs = paragraphs;
        for (int i = 0; i < paragraphs; i++)
        {
            dst.BeginParagraph();
            if (i == 0 && r.Chance(0.6))
            {
                int s0 = dst.Text.Length;
                Dateline(r, dst.Text);
                dst.DatelineLength = dst.Text.Length - s0;
            }
            Paragraph(r, dst.Text, st);
            dst.EndParagraph(i);
        }
    }

    private void Paragraph(Rng r, CharBuf b, Style st)
    {
        double u = r.NextDouble();
        int sentences = u < 0.3 ? 2 : u < 0.68 ? 3 : u < 0.9 ? 4 : 5;
        for (int s = 0; s < sentences; s++)
        {
            if (s > 0) b.Append(' ');
            Sentence(r, b, st);
        }
    }

    private void Sentence(Rng r, CharBuf b, Style st)
    {
        int len = 8 + Math.Min(r.Next(23), r.Next(23)); // 8–30 words, mean ~15
        char open = st.Curly ? LeftDouble : '"', close = st.Curly ? RightDouble : '"';
        double k = r.NextDouble();
        if (k < 0.10)
        {
            // “…,” said Name Surname.
            b.Append(open);
            Words(r, b, st, len - 3, true, inSpeech: true);
            b.Append(',');
            b.Append(close);
            double v = r.NextDouble();
            if (v < 0.5) { b.Append(" said "); b.Append(r.Pick(lexicon.FirstNames)); b.Append(' '); b.Append(r.Pick(lexicon.Surnames)); }
            else if (v < 0.75) { b.Append(' '); b.Append(r.Pick(lexicon.Surnames)); b.Append(" said"); }
            else
            {
                b.Append(" said "); b.Append(r.Pick(lexicon.Surnames)); b.Append(", a "); b.Append(lexicon.Word(r, st.Uk));
                b.Append(" at the "); b.Append(r.Pick(lexicon.Places)); b.Append(' '); b.Append(r.Pick(Lexicon.OrgKinds));
            }
            b.Append('.');
        }
        else if (k < 0.15)
        {
            // Name Surname said: “…”
            b.Append(r.Pick(lexicon.FirstNames)); b.Append(' '); b.Append(r.Pick(lexicon.Surnames));
            b.Append(r.Chance(0.6) ? " said: " : " told reporters: ");
            b.Append(open);
            Words(r, b, st, len - 3, true, inSpeech: true);
            b.Append('.');
            b.Append(close);
        }
        else if (k < 0.19)
        {
            b.Append("According to ");
            if (r.Chance(0.5)) Name(r, b, st, possessive: false);
            else { b.Append("the "); b.Append(r.Pick(lexicon.Places)); b.Append(' '); b.Append(r.Pick(Lexicon.OrgKinds)); }
            b.Append(", ");
            Words(r, b, st, len - 3, false);
            b.Append('.');
        }
        else
        {
            Words(r, b, st, len, true);
            b.Append(r.Chance(0.02) ? '?' : '.');
        }
    }

    private void Words(Rng r, CharBuf b, Style st, int count, bool capitaliseFirst, bool inSpeech = false)
    {
        int closeAt = -1;
        char close = '\0';
        for (int i = 0; i < count; i++)
        {
            if (i > 0) b.Append(' ');
            if (closeAt < 0 && i > 0 && i < count - 3 && r.Chance(0.012))
            {
                // A quoted phrase inside the sentence ("so-called" quotes).
                bool dbl = !inSpeech && r.Chance(0.6); // inside quoted speech, single quotes
                b.Append(dbl ? (st.Curly ? LeftDouble : '"') : (st.Curly ? LeftSingle : '\''));
                close = dbl ? (st.Curly ? RightDouble : '"') : (st.Curly ? RightSingle : '\'');
                closeAt = i + r.Range(0, 2);
            }
            double u = r.NextDouble();
            bool cap = capitaliseFirst && i == 0;
            if (u < 0.045) Name(r, b, st, possessive: true);
            else if (u < 0.065) Number(r, b);
            else if (u < 0.071)
            {
                b.Append(cap ? "The " : "the ");
                b.Append(r.Pick(lexicon.Places)); b.Append(' '); b.Append(r.Pick(Lexicon.OrgKinds));
            }
            else
            {
                string w = lexicon.Word(r, st.Uk);
                if (cap) b.AppendCapitalised(w); else b.Append(w);
            }
            if (i == closeAt) { b.Append(close); closeAt = -1; }
            if (i > 0 && i < count - 2 && b.Last != ',' && r.Chance(0.07)) b.Append(',');
        }
        if (closeAt >= 0) b.Append(close);
    }

    private void Name(Rng r, CharBuf b, Style st, bool possessive)
    {
        double u = r.NextDouble();
        if (u < 0.4) { b.Append(r.Pick(lexicon.FirstNames)); b.Append(' '); b.Append(r.Pick(lexicon.Surnames)); }
        else if (u < 0.75) b.Append(r.Pick(lexicon.Surnames));
        else b.Append(r.Pick(lexicon.Places));
        if (possessive && r.Chance(0.08)) { b.Append(st.Curly ? RightSingle : '\''); b.Append('s'); }
    }

    private static void Number(Rng r, CharBuf b)
    {
        double u = r.NextDouble();
        if (u < 0.4) b.AppendInt(r.Range(2, 99));
        else if (u < 0.55)
        {
            b.AppendInt(r.Range(1, 99));
            b.Append(',');
            int rest = r.Range(0, 999);
            b.Append((char)('0' + rest / 100)); b.Append((char)('0' + rest / 10 % 10)); b.Append((char)('0' + rest % 10));
        }
        else if (u < 0.7) { b.AppendInt(r.Range(1, 60)); b.Append('.'); b.AppendInt(r.Range(0, 9)); b.Append(" percent"); }
        else if (u < 0.85)
        {
            b.Append('$'); b.AppendInt(r.Range(1, 900)); b.Append('.'); b.AppendInt(r.Range(1, 9));
            b.Append(r.Chance(0.8) ? " million" : " billion");
        }
        else b.AppendInt(r.Range(1990, 2025));
    }

    private void Dateline(Rng r, CharBuf b)
    {
        string place = r.Pick(lexicon.Places);
        double u = r.NextDouble();
        if (u < 0.5)
        {
            b.Append(place.ToUpperInvariant()); b.Append(", "); b.Append(r.Pick(Lexicon.Months)); b.Append(' ');
            b.AppendInt(r.Range(1, 28)); b.Append(" \u2014 ");
        }
        else if (u < 0.8) { b.Append(place.ToUpperInvariant()); b.Append(": "); }
        else
        {
            b.Append(place); b.Append(", "); b.Append(r.Pick(Lexicon.Months)); b.Append(' ');
            b.AppendInt(r.Range(1, 28)); b.Append(" - ");
        }
    }

    private string Title(Rng r)
    {
        int n = r.Range(5, 11);
        var b = new CharBuf(96);
        int nameAt = r.Chance(0.5) ? r.Next(n) : -1;
        for (int i = 0; i < n; i++)
        {
            if (i > 0) b.Append(' ');
            if (i == nameAt) b.Append(r.Chance(0.5) ? r.Pick(lexicon.Places) : r.Pick(lexicon.Surnames));
            else if (i == 0) b.AppendCapitalised(lexicon.Word(r, false));
            else b.Append(lexicon.Word(r, false));
        }
        return b.ToString();
    }

    // ---------------------------------------------------------------- derived documents

    private EditSpec SpecFor(int pos)
    {
        Style st = StyleOf(pos), source = StyleOf(plan.Sources[pos]);
        return new EditSpec
        {
            TargetUk = st.Uk,
            Spell = st.Uk == source.Uk ? SpellChange.Keep : st.Uk ? SpellChange.ToUk : SpellChange.ToUs,
            Quotes = st.Curly == source.Curly ? QuoteChange.Keep : st.Curly ? QuoteChange.ToCurly : QuoteChange.ToStraight,
        };
    }

    /// <summary>
    /// A near-duplicate: every paragraph, with word substitutions/insertions/deletions at a rate tuned (up to
    /// five tries, measuring the real Jaccard) so the word 5-gram Jaccard with the source lands near the planned
    /// target; plus the copying site's spelling and quotes, a few case changes, sometimes OCR noise, a new
    /// headline, a new dateline or a rewritten first sentence.
    /// </summary>
    private void Duplicate(int pos, Content src, Content dst, Scratch sc)
    {
        var r = Rng.For(_seed, pos, 2);
        var st = StyleOf(pos);
        var e = SpecFor(pos);
        e.OcrRate = !options.Plain && r.Chance(options.OcrFraction) ? r.Uniform(0.002, 0.01) : 0;
        int words = Content.CountWords(src.Span);
        e.CaseRate = !options.Plain && r.Chance(0.5) ? r.Range(1, 4) / (double)Math.Max(1, words) : 0;
        bool newTitle = r.Chance(0.4);
        bool newDateline = src.DatelineLength > 0 && r.Chance(0.35);
        bool dropDateline = !newDateline && src.DatelineLength > 0 && r.Chance(0.1);
        bool newLede = r.Chance(0.12);
        string title = newTitle ? Title(r) : src.Title;

        double target = plan.TargetJaccard[pos];
        double survivalTarget = 2 * target / (1 + target);
        double otherSurvival = 1 - (0.005 + 25 * e.OcrRate + (newLede ? 0.04 : 0) + (e.Spell != SpellChange.Keep ? 0.02 : 0));
        double rate = WordRate(survivalTarget, otherSurvival);
        var srcSet = Shingler.Set(src.Span, sc.Tokens);

        for (int attempt = 0; ; attempt++)
        {
            dst.Clear();
            dst.Title = title;
            dst.BaseParagraphs = src.BaseParagraphs;
            e.WordRate = rate;
            for (int p = 0; p < src.Count; p++)
            {
                dst.BeginParagraph();
                var para = src.Paragraph(p);
                if (p == 0 && src.DatelineLength > 0)
                {
                    var line = para[..src.DatelineLength];
                    para = para[src.DatelineLength..];
                    int s0 = dst.Text.Length;
                    if (newDateline) Dateline(r, dst.Text);
                    else if (!dropDateline) dst.Text.Append(line);
                    dst.DatelineLength = dst.Text.Length - s0;
                }
                if (p == 0 && newLede)
                {
                    int cut = FirstSentenceEnd(para);
                    if (cut > 0)
                    {
                        Sentence(r, dst.Text, st);
                        dst.Text.Append(' ');
                        para = para[cut..].TrimStart(' ');
                    }
                }
                EditParagraph(para, e, r, dst.Text, sc);
                dst.EndParagraph(src.Origins[p]);
            }
            if (attempt == 4) break;
            double j = Shingler.Compare(srcSet, Shingler.Set(dst.Span, sc.Tokens)).Jaccard;
            if (Math.Abs(j - target) <= 0.06) break; // the target itself is random; one edit more or less moves J by ~0.02
            // Re-estimate how much the non-word edits cost, then retune the word rate.
            double survival = 2 * j / (1 + j);
            otherSurvival = Math.Min(1, survival / Math.Pow(1 - rate, 5));
            if (otherSurvival < survivalTarget) { e.OcrRate *= 0.5; newLede = false; }
            rate = WordRate(survivalTarget, otherSurvival);
        }
    }

    private static double WordRate(double survivalTarget, double otherSurvival) =>
        otherSurvival <= survivalTarget ? 0 : Math.Clamp(1 - Math.Pow(survivalTarget / otherSurvival, 0.2), 0, 0.3);

    private static int FirstSentenceEnd(ReadOnlySpan<char> p)
    {
        for (int i = 0; i + 1 < p.Length; i++)
        {
            char c = p[i];
            if (c != '.' && c != '?') continue;
            int j = i + 1;
            if (p[j] is '"' or RightDouble) j++;
            if (j < p.Length && p[j] == ' ') return j + 1;
        }
        return -1;
    }

    /// <summary>An abridged copy: 30–70% of the source's paragraphs (a contiguous run or a scattered subset), lightly edited.</summary>
    private void Contained(int pos, Content src, Content dst, Scratch sc)
    {
        var r = Rng.For(_seed, pos, 3);
        var e = SpecFor(pos);
        e.WordRate = r.Chance(0.5) ? 0 : r.Uniform(0.002, 0.012);
        e.CaseRate = !options.Plain && r.Chance(0.3) ? r.Range(1, 2) / (double)Math.Max(1, Content.CountWords(src.Span)) : 0;
        e.OcrRate = !options.Plain && r.Chance(options.OcrFraction * 0.5) ? r.Uniform(0.001, 0.004) : 0;
        int n = src.Count;
        int k = Math.Max(1, Math.Min(n - 1, Math.Max(2, (int)Math.Round(r.Uniform(0.3, 0.7) * n))));
        var keep = PickParagraphs(r, n, k, contiguous: r.Chance(0.5));
        dst.Title = r.Chance(0.7) ? src.Title : Title(r);
        dst.BaseParagraphs = src.BaseParagraphs;
        foreach (int p in keep)
        {
            dst.BeginParagraph();
            var para = src.Paragraph(p);
            if (p == 0 && src.DatelineLength > 0)
            {
                dst.Text.Append(para[..src.DatelineLength]);
                dst.DatelineLength = src.DatelineLength;
                para = para[src.DatelineLength..];
            }
            EditParagraph(para, e, r, dst.Text, sc);
            dst.EndParagraph(src.Origins[p]);
        }
    }

    /// <summary>
    /// A partial reprint: a new story of its own (opening and closing paragraphs, at least as many words as the
    /// reprint) that reprints 2–6 lightly edited paragraphs of the source in the middle.
    /// </summary>
    private void Partial(int pos, Content src, Content dst, Scratch sc)
    {
        var r = Rng.For(_seed, pos, 4);
        var st = StyleOf(pos);
        var e = SpecFor(pos);
        e.WordRate = r.Chance(0.4) ? 0 : r.Uniform(0.002, 0.012);
        int n = src.Count;
        int maxK = Math.Min(Math.Min(6, n - 1), Math.Max(2, (int)(n * 0.7)));
        int k = Math.Max(1, r.Range(Math.Min(2, maxK), maxK));
        // Keep the reprint under ~60% of the source's words, so the source is not mostly inside the new story.
        bool contiguous = r.Chance(0.8);
        int sourceWords = Content.CountWords(src.Span);
        int[] picked = [];
        double best = double.MaxValue;
        for (int attempt = 0; attempt < 12 && best > 0.6; attempt++)
        {
            var candidate = PickParagraphs(r, n, k, contiguous);
            int w = 0;
            foreach (int p in candidate) w += Content.CountWords(src.Paragraph(p));
            double share = w / (double)Math.Max(1, sourceWords);
            if (share < best) { best = share; picked = candidate; }
            if (attempt == 5 && best > 0.6 && k > 2) k--;
        }

        var reprint = sc.Reprint;
        reprint.Clear();
        foreach (int p in picked)
        {
            reprint.BeginParagraph();
            var para = src.Paragraph(p);
            if (p == 0 && src.DatelineLength > 0) para = para[src.DatelineLength..]; // the wire dateline is dropped
            EditParagraph(para, e, r, reprint.Text, sc);
            reprint.EndParagraph(src.Origins[p]);
        }
        int reprintWords = Content.CountWords(reprint.Span);

        var own = sc.Own;
        own.Clear();
        double need = reprintWords * r.Uniform(1.0, 1.6);
        int ownWords = 0;
        while (own.Count < 2 || ownWords < need)
        {
            own.BeginParagraph();
            int s0 = own.Text.Length;
            if (own.Count == 1 && r.Chance(0.5))
            {
                Dateline(r, own.Text);
                own.DatelineLength = own.Text.Length - s0;
            }
            Paragraph(r, own.Text, st);
            own.EndParagraph(-1);
            ownWords += Content.CountWords(own.Text.Data.AsSpan(s0, own.Text.Length - s0));
        }
        int opening = Math.Clamp((own.Count + 1) / 2 + r.Range(-1, 0), 1, own.Count - 1);

        dst.Title = Title(r);
        dst.BaseParagraphs = src.BaseParagraphs;
        dst.DatelineLength = own.DatelineLength;
        for (int i = 0; i < opening; i++) CopyParagraph(own, i, dst);
        for (int i = 0; i < reprint.Count; i++) CopyParagraph(reprint, i, dst);
        for (int i = opening; i < own.Count; i++) CopyParagraph(own, i, dst);
    }

    private static void CopyParagraph(Content from, int i, Content to)
    {
        to.BeginParagraph();
        to.Text.Append(from.Paragraph(i));
        to.EndParagraph(from.Origins[i]);
    }

    private static int[] PickParagraphs(Rng r, int n, int k, bool contiguous)
    {
        var result = new int[k];
        if (contiguous)
        {
            int start = r.Range(0, n - k);
            for (int i = 0; i < k; i++) result[i] = start + i;
            return result;
        }
        var all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        r.Shuffle(all);
        Array.Copy(all, result, k);
        Array.Sort(result);
        return result;
    }

    // ---------------------------------------------------------------- editing

    /// <summary>Writes an edited copy of one paragraph to <paramref name="dst"/>.</summary>
    private void EditParagraph(ReadOnlySpan<char> src, in EditSpec e, Rng r, CharBuf dst, Scratch sc)
    {
        int start = dst.Length;
        bool first = true;
        int i = 0;
        Span<char> lower = stackalloc char[64];
        while (i < src.Length)
        {
            if (src[i] == ' ') { i++; continue; }
            int j = i;
            while (j < src.Length && src[j] != ' ') j++;
            var chunk = src[i..j];
            i = j;
            bool isFirst = first;
            first = false;

            int cs = 0;
            while (cs < chunk.Length && !char.IsAsciiLetter(chunk[cs])) cs++;
            if (cs == chunk.Length)
            {
                if (dst.Length > start) dst.Append(' ');
                dst.Append(chunk);
                continue;
            }
            int ce = cs;
            while (ce < chunk.Length && char.IsAsciiLetter(chunk[ce])) ce++;
            var prefix = chunk[..cs];
            var core = chunk[cs..ce];
            var suffix = chunk[ce..];
            bool capital = char.IsAsciiLetterUpper(core[0]);

            if (e.WordRate > 0 && r.NextDouble() < e.WordRate)
            {
                double op = r.NextDouble();
                if (op < 0.3 && suffix.IsEmpty)
                {
                    // Insertion after this word.
                    if (dst.Length > start) dst.Append(' ');
                    dst.Append(prefix);
                    AppendCore(core, e, dst, lower);
                    dst.Append(' ');
                    dst.Append(lexicon.Word(r, e.TargetUk));
                    continue;
                }
                if (op < 0.55 && prefix.IsEmpty && !isFirst && !capital)
                {
                    // Deletion (punctuation after the word stays).
                    if (!suffix.IsEmpty)
                    {
                        dst.TrimEndSpaces();
                        dst.Append(suffix);
                    }
                    continue;
                }
                // Substitution.
                if (dst.Length > start) dst.Append(' ');
                dst.Append(prefix);
                string w = lexicon.Word(r, e.TargetUk);
                if (capital) dst.AppendCapitalised(w); else dst.Append(w);
                dst.Append(suffix);
                continue;
            }

            if (dst.Length > start) dst.Append(' ');
            dst.Append(prefix);
            int coreAt = dst.Length;
            AppendCore(core, e, dst, lower);
            if (e.CaseRate > 0 && r.NextDouble() < e.CaseRate) ChangeCase(dst.Data.AsSpan(coreAt, dst.Length - coreAt), r);
            dst.Append(suffix);
        }

        if (e.Quotes != QuoteChange.Keep) ConvertQuotes(dst.Data.AsSpan(start, dst.Length - start), e.Quotes);
        if (e.OcrRate > 0) Ocr(dst, start, e.OcrRate, r, sc);
    }

    private void AppendCore(ReadOnlySpan<char> core, in EditSpec e, CharBuf dst, Span<char> lower)
    {
        if (e.Spell == SpellChange.Keep || core.Length > lower.Length) { dst.Append(core); return; }
        int n = core.ToLowerInvariant(lower);
        if (!lexicon.TryRespell(lower[..n], e.Spell == SpellChange.ToUk, out var other)) { dst.Append(core); return; }
        int at = dst.Length;
        dst.Append(other);
        if (char.IsAsciiLetterUpper(core[0]))
        {
            bool allCaps = core.Length > 1 && char.IsAsciiLetterUpper(core[1]);
            var span = dst.Data.AsSpan(at, other.Length);
            if (allCaps) { for (int i = 0; i < span.Length; i++) span[i] = char.ToUpperInvariant(span[i]); }
            else span[0] = char.ToUpperInvariant(span[0]);
        }
    }

    private static void ChangeCase(Span<char> word, Rng r)
    {
        if (word.IsEmpty) return;
        if (char.IsAsciiLetterUpper(word[0])) word[0] = char.ToLowerInvariant(word[0]);
        else if (r.Chance(0.25)) for (int i = 0; i < word.Length; i++) word[i] = char.ToUpperInvariant(word[i]);
        else word[0] = char.ToUpperInvariant(word[0]);
    }

    private static void ConvertQuotes(Span<char> s, QuoteChange mode)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (mode == QuoteChange.ToStraight)
            {
                if (c is LeftDouble or RightDouble) s[i] = '"';
                else if (c is LeftSingle or RightSingle) s[i] = '\'';
                continue;
            }
            char prev = i > 0 ? s[i - 1] : ' ';
            bool opening = prev is ' ' or '(' or '\n';
            if (c == '"') s[i] = opening ? LeftDouble : RightDouble;
            else if (c == '\'') s[i] = opening ? LeftSingle : RightSingle;
        }
    }

    /// <summary>OCR-style noise: rn→m, m→rn, cl→d, l→1, O→0, I→l, e→c, dropped spaces, "exam- ple" line-break hyphens.</summary>
    private static void Ocr(CharBuf dst, int start, double rate, Rng r, Scratch sc)
    {
        int len = dst.Length - start;
        if (sc.Segment.Length < len) sc.Segment = new char[len * 2];
        var seg = sc.Segment.AsSpan(0, len);
        dst.Data.AsSpan(start, len).CopyTo(seg);
        dst.Length = start;
        for (int i = 0; i < seg.Length; i++)
        {
            char c = seg[i];
            if (r.NextDouble() >= rate) { dst.Append(c); continue; }
            char next = i + 1 < seg.Length ? seg[i + 1] : '\0';
            char prev = i > 0 ? seg[i - 1] : '\0';
            switch (c)
            {
                case 'r' when next == 'n': dst.Append('m'); i++; break;
                case 'c' when next == 'l': dst.Append('d'); i++; break;
                case 'm': dst.Append("rn"); break;
                case 'l': dst.Append('1'); break;
                case 'O': dst.Append('0'); break;
                case 'I': dst.Append('l'); break;
                case 'e': dst.Append('c'); break;
                case ' ' when char.IsAsciiLetter(prev) && char.IsAsciiLetter(next): break; // dropped space
                default:
                    dst.Append(c);
                    if (char.IsAsciiLetterLower(c) && i >= 3 && i + 3 < seg.Length
                        && char.IsAsciiLetter(seg[i - 1]) && char.IsAsciiLetter(seg[i - 2]) && char.IsAsciiLetter(seg[i - 3])
                        && char.IsAsciiLetter(seg[i + 1]) && char.IsAsciiLetter(seg[i + 2]) && char.IsAsciiLetter(seg[i + 3]))
                        dst.Append("- "); // a line-break hyphen left in the middle of a word
                    break;
            }
        }
    }
}
