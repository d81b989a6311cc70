using System.Text.Json;

namespace NearDup.Synth;

internal enum PairKind { Duplicate, Contained, Partial }

/// <summary>A planted related pair: positions (A read first), its kind, and its exact word 5-gram metrics on the
/// documents' content (site headers and footers excluded).</summary>
internal readonly record struct TruthPair(int A, int B, PairKind Kind, double Jaccard, double AInB, double BInA, bool Direct);

/// <summary>
/// The ground truth: every pair inside a group (a base story and all documents derived from it). The kind comes
/// from construction, through which of the base's paragraphs each document carries and whether it has text of
/// its own: if one document's paragraphs are all inside the other's, the pair is <c>contained</c> (both ways:
/// <c>duplicate</c>); if they only share some paragraphs, <c>partial</c>; if they share none, no pair.
/// </summary>
internal static class Truth
{
    public static List<TruthPair> Compute(Generator g, int threads)
    {
        var groups = g.Plan.GroupMembers;
        const int Batch = 64;
        int batches = (groups.Length + Batch - 1) / Batch;
        var results = new List<TruthPair>[batches];
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
        {
            var sc = new Scratch();
            var list = new List<TruthPair>();
            var cache = new Dictionary<int, Content>();
            Content Resolve(int p)
            {
                if (!cache.TryGetValue(p, out var c))
                {
                    c = new Content();
                    g.Build(p, c, sc, Resolve);
                    cache[p] = c;
                }
                return c;
            }
            int end = Math.Min(groups.Length, (b + 1) * Batch);
            for (int gi = b * Batch; gi < end; gi++)
            {
                var members = groups[gi];
                cache.Clear();
                var sets = new ulong[members.Length][];
                var origins = new (int Mask, bool Own)[members.Length];
                for (int i = 0; i < members.Length; i++)
                {
                    var c = Resolve(members[i]);
                    sets[i] = Shingler.Set(c.Span, sc.Tokens);
                    origins[i] = c.OriginSet();
                }
                for (int i = 0; i < members.Length; i++)
                {
                    for (int j = i + 1; j < members.Length; j++)
                    {
                        var kind = Classify(origins[i], origins[j]);
                        if (kind is null) continue;
                        var m = Shingler.Compare(sets[i], sets[j]);
                        bool direct = g.Plan.Sources[members[j]] == members[i];
                        list.Add(new TruthPair(members[i], members[j], kind.Value, m.Jaccard, m.AInB, m.BInA, direct));
                    }
                }
            }
            results[b] = list;
        });
        var all = new List<TruthPair>(results.Sum(r => r.Count));
        foreach (var r in results) all.AddRange(r);
        all.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return all;
    }

    private static PairKind? Classify((int Mask, bool Own) x, (int Mask, bool Own) y)
    {
        bool xInY = !x.Own && (x.Mask & ~y.Mask) == 0;
        bool yInX = !y.Own && (y.Mask & ~x.Mask) == 0;
        if (xInY && yInX) return PairKind.Duplicate;
        if (xInY || yInX) return PairKind.Contained;
        if ((x.Mask & y.Mask) != 0) return PairKind.Partial;
        return null;
    }

    public static string Name(PairKind kind) => kind switch
    {
        PairKind.Duplicate => "duplicate",
        PairKind.Contained => "contained",
        _ => "partial",
    };

    public static void Write(List<TruthPair> pairs, Plan plan, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var b = new ByteBuf(1 << 20);
        foreach (var p in pairs)
        {
            b.Raw("{\"a\":\""u8);
            b.Ascii(Ids.Format(p.A, plan.Count));
            b.Raw("\",\"b\":\""u8);
            b.Ascii(Ids.Format(p.B, plan.Count));
            b.Raw("\",\"kind\":\""u8);
            b.Ascii(Name(p.Kind));
            b.Raw("\",\"jaccard_words5\":"u8);
            b.Number(p.Jaccard);
            b.Raw(",\"containment_a_in_b\":"u8);
            b.Number(p.AInB);
            b.Raw(",\"containment_b_in_a\":"u8);
            b.Number(p.BInA);
            b.Raw(p.Direct ? ",\"direct\":true}\n"u8 : ",\"direct\":false}\n"u8);
            if (b.Length > (1 << 20) - 512)
            {
                file.Write(b.Span);
                b.Clear();
            }
        }
        file.Write(b.Span);
    }

    public static void WriteSummary(List<TruthPair> pairs, Plan plan, Site[] sites, Options o, long bytes, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var w = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("docs", plan.Count);
        w.WriteNumber("seed", o.Seed);
        w.WriteBoolean("plain", o.Plain);
        w.WriteNumber("corpus_bytes", bytes);
        w.WriteNumber("sites", sites.Length);
        w.WriteNumber("sites_with_footer", sites.Count(s => s.Footer is not null));
        w.WriteNumber("sites_with_header", sites.Count(s => s.Header is not null));

        w.WriteStartObject("documents");
        foreach (var role in Enum.GetValues<Role>())
            w.WriteNumber(role.ToString().ToLowerInvariant(), plan.Roles.Count(r => r == role));
        w.WriteEndObject();

        w.WriteNumber("groups", plan.GroupMembers.Length);
        w.WriteNumber("largest_group", plan.GroupMembers.Length == 0 ? 0 : plan.GroupMembers.Max(m => m.Length));

        w.WriteStartObject("pairs");
        foreach (var kind in Enum.GetValues<PairKind>())
            w.WriteNumber(Name(kind), pairs.Count(p => p.Kind == kind));
        w.WriteNumber("total", pairs.Count);
        w.WriteNumber("direct", pairs.Count(p => p.Direct));
        w.WriteEndObject();

        w.WriteStartObject("jaccard_words5");
        foreach (var kind in Enum.GetValues<PairKind>())
        {
            var js = pairs.Where(p => p.Kind == kind).Select(p => p.Jaccard).ToArray();
            w.WriteStartObject(Name(kind));
            if (js.Length > 0)
            {
                Array.Sort(js);
                w.WriteNumber("min", Math.Round(js[0], 4));
                w.WriteNumber("p10", Math.Round(js[js.Length / 10], 4));
                w.WriteNumber("median", Math.Round(js[js.Length / 2], 4));
                w.WriteNumber("p90", Math.Round(js[js.Length * 9 / 10], 4));
                w.WriteNumber("max", Math.Round(js[^1], 4));
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartObject("options");
        w.WriteNumber("duplicate_fraction", o.DuplicateFraction);
        w.WriteNumber("contained_fraction", o.ContainedFraction);
        w.WriteNumber("partial_fraction", o.PartialFraction);
        w.WriteNumber("ocr_fraction", o.OcrFraction);
        w.WriteNumber("vocabulary", o.Vocabulary);
        w.WriteEndObject();

        w.WriteStartArray("site_list");
        foreach (var s in sites)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteBoolean("uk_spelling", s.Uk);
            w.WriteBoolean("curly_quotes", s.Curly);
            w.WriteString("header", s.Header);
            w.WriteString("footer", s.Footer);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
