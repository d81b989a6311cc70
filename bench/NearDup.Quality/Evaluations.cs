using System.Text;
using NearDup.Corpus;

namespace NearDup.Quality;

/// <summary>The evaluations, as a library so tests can assert on the same numbers the README reports.</summary>
public static class Evaluations
{
    static Evaluations() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="Auc">AUC of the verifier's containment (content 5-shingles of the answer in its source), cut/light/heavy vs non.</param>
    /// <param name="AucWithoutUnsourced">The same without the two cut answers that have no source text.</param>
    /// <param name="SharedRunAuc">AUC of the aligner's <see cref="NearDup.Align.Alignment.SharedRunCoverageA"/> (share of the answer's
    /// tokens in 3-token runs the source has too); <paramref name="SharedRunAucWithoutUnsourced"/> without the two.</param>
    public sealed record CloughResult(double Auc, double AucWithoutUnsourced, IReadOnlyDictionary<string, double> MeanContainment,
        double SharedRunAuc, double SharedRunAucWithoutUnsourced, IReadOnlyDictionary<string, double> MeanSharedRun, string Report);

    /// <summary>Clough & Stevenson: rank the 95 answers by the share of their content shingles found in their task's source.</summary>
    public static CloughResult Clough(string dir, NearDupOptions options)
    {
        var rows = Csv.Read(Path.Combine(dir, "file_information.csv")).Skip(1).Where(r => r.Length >= 3 && r[2] != "orig").ToList();
        var docs = new List<CorpusDocument>();
        foreach (char task in "abcde") docs.Add(Doc(docs.Count, $"orig_task{task}", ReadLegacyText(Path.Combine(dir, $"orig_task{task}.txt"))));
        foreach (var r in rows) docs.Add(Doc(docs.Count, r[0], ReadLegacyText(Path.Combine(dir, r[0]))));
        using var result = new DedupPipeline(options).Run(docs); // learns furniture exactly as a dedup run does
        var verifier = result.CreateVerifier();
        var scored = rows.Select((r, i) =>
        {
            var answer = result.Documents[5 + i];
            var source = result.Documents["abcde".IndexOf(r[1][0])];
            return (File: r[0], Category: r[2], Score: verifier.Measure(answer, source).ContainmentAInB);
        }).ToList();
        double auc = Auc(scored.Where(s => s.Category != "non").Select(s => s.Score), scored.Where(s => s.Category == "non").Select(s => s.Score));
        // Two answers labelled cut share no three-word run with the source shipped for their task (see README).
        string[] unsourced = ["g2pE_taskc.txt", "g4pD_taskb.txt"];
        double aucSourced = Auc(scored.Where(s => s.Category != "non" && !unsourced.Contains(s.File)).Select(s => s.Score), scored.Where(s => s.Category == "non").Select(s => s.Score));
        var means = scored.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Average(s => s.Score));
        var report = new StringBuilder($"clough: AUC (cut/light/heavy vs non, containment of the answer in its source) = {auc:F4}; without the two unsourced cut answers = {aucSourced:F4}\n");
        foreach (var c in new[] { "cut", "light", "heavy", "non" }) report.Append($"clough: mean containment {c} = {means[c]:F3}\n");
        // The aligner's token-level containment: share of the answer's tokens in 3-token runs its source has too.
        var aligned = AlignmentEvaluations.Clough(dir, NearDup.Align.AlignerOptions.Default);
        report.Append($"clough: AUC of the aligner's containment by shared 3-token runs (SharedRunCoverageA) = {aligned.SharedRunAuc:F4}; without the two unsourced = {aligned.SharedRunAucWithoutUnsourced:F4}; " +
                      $"mean cut {aligned.MeanSharedRun["cut"]:F3}, light {aligned.MeanSharedRun["light"]:F3}, heavy {aligned.MeanSharedRun["heavy"]:F3}, non {aligned.MeanSharedRun["non"]:F3} (align-clough has the details)\n");
        return new CloughResult(auc, aucSourced, means, aligned.SharedRunAuc, aligned.SharedRunAucWithoutUnsourced, aligned.MeanSharedRun, report.ToString().TrimEnd());
    }

    public sealed record PanResult(int Labelled, int LabelledFound, int OtherListed, int OtherFlagged, int FlaggedOutsideList, string Report);

    /// <summary>PAN 2013 subset: how many of the 500 labelled (verbatim reuse) pairs are reported, and how many of the other listed pairs.</summary>
    public static PanResult Pan(string dir, NearDupOptions options)
    {
        var listed = File.ReadAllLines(Path.Combine(dir, "pairs")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 2).ToList();
        var labelled = File.ReadAllLines(Path.Combine(dir, "02-no-obfuscation", "pairs")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 2)
            .Select(p => (p[0], p[1])).ToHashSet();
        var docs = new List<CorpusDocument>();
        var ordinals = new Dictionary<string, int>();
        foreach (var (folder, names) in new[] { ("susp", listed.Select(p => p[0])), ("src", listed.Select(p => p[1])) })
            foreach (var name in names.Distinct().Order(StringComparer.Ordinal))
            {
                string path = Path.Combine(dir, folder, name);
                if (!File.Exists(path)) continue;
                ordinals[name] = docs.Count;
                docs.Add(Doc(docs.Count, name, File.ReadAllText(path)));
            }
        using var result = new DedupPipeline(options).Run(docs);
        var flagged = result.Pairs.Select(p => (docs[p.A].Id, docs[p.B].Id)).ToHashSet();
        bool Flagged(string s, string r) => flagged.Contains((s, r)) || flagged.Contains((r, s));
        int labelledFound = labelled.Count(p => Flagged(p.Item1, p.Item2));
        var others = listed.Where(p => !labelled.Contains((p[0], p[1])) && ordinals.ContainsKey(p[0]) && ordinals.ContainsKey(p[1])).ToList();
        int otherFlagged = others.Count(p => Flagged(p[0], p[1]));
        var listedSet = listed.Select(p => (p[0], p[1])).ToHashSet();
        int outside = flagged.Count(f => !listedSet.Contains(f) && !listedSet.Contains((f.Item2, f.Item1)));
        var verifier = result.CreateVerifier();
        var missed = labelled.Where(p => !Flagged(p.Item1, p.Item2) && ordinals.ContainsKey(p.Item1) && ordinals.ContainsKey(p.Item2))
            .Select(p => $"pan13: missed {p.Item1} {p.Item2}: {verifier.Measure(result.Documents[ordinals[p.Item1]], result.Documents[ordinals[p.Item2]])}");
        string report = string.Join("\n", missed.Append("")) + $"pan13: labelled pairs found = {labelledFound}/{labelled.Count} ({(double)labelledFound / labelled.Count:F4})\n" +
                        $"pan13: other listed pairs flagged = {otherFlagged}/{others.Count} (their labels are not in this subset)\n" +
                        $"pan13: pairs flagged outside the pairs list = {outside} (of {result.Pairs.Count} flagged, {docs.Count} documents)";
        return new PanResult(labelled.Count, labelledFound, others.Count, otherFlagged, outside, report);
    }

    public sealed record ChainsResult(int Flagged, int FlaggedSameStory, int FlaggedDifferentStory, string Report);

    /// <summary>News story chains: which pairs of the 100 articles are flagged, with their same-story labels and titles, for checking by eye.</summary>
    public static ChainsResult StoryChains(string dir, NearDupOptions options)
    {
        var articles = Csv.Read(Path.Combine(dir, "gedikli-business_energy_news_dataset-2021-06-29-article_texts.csv"));
        var header = articles[0];
        int url = Array.IndexOf(header, "url"), text = Array.IndexOf(header, "text"), title = Array.IndexOf(header, "title"), paper = Array.IndexOf(header, "paperurl");
        var rows = articles.Skip(1).Where(r => r.Length > text).ToList();
        var docs = rows.Select((r, i) => Doc(i, r[url], r[text])).ToList();
        var labels = Csv.Read(Path.Combine(dir, "gedikli-business_energy_news_dataset-2021-06-29.csv"), ';').Skip(1).Where(r => r.Length >= 3)
            .ToDictionary(r => (r[0], r[1]), r => r[2] == "1");
        bool? Label(string a, string b) => labels.TryGetValue((a, b), out var l) ? l : labels.TryGetValue((b, a), out l) ? l : null;
        using var result = new DedupPipeline(options).Run(docs);
        var report = new StringBuilder();
        int same = 0, different = 0;
        foreach (var p in result.Pairs)
        {
            bool? label = Label(docs[p.A].Id, docs[p.B].Id);
            if (label == true) same++; else different++;
            report.Append($"chains: flagged {p.Relation.ToString().ToLowerInvariant()} shared_words={p.SharedWords} R={p.Resemblance:F3} same_story={label?.ToString() ?? "?"}\n" +
                          $"    A [{rows[p.A][paper]}] {rows[p.A][title]}\n    B [{rows[p.B][paper]}] {rows[p.B][title]}\n");
        }
        report.Insert(0, $"chains: {result.Pairs.Count} pairs flagged of 4,950 ({same} labelled same-story, {different} not); {labels.Count(l => l.Value)} same-story pairs in all\n");
        return new ChainsResult(result.Pairs.Count, same, different, report.ToString().TrimEnd());
    }

    private static CorpusDocument Doc(int ordinal, string id, string text) => new(ordinal, id, text, new SourceLocation(id));

    /// <summary>UTF-8, falling back to Windows-1252 for the corpus's legacy files (see its SOURCE.md).</summary>
    internal static string ReadLegacyText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding(1252).GetString(bytes); }
    }

    /// <summary>Area under the ROC curve: the chance a random positive outscores a random negative (ties count half).</summary>
    public static double Auc(IEnumerable<double> positives, IEnumerable<double> negatives)
    {
        var p = positives.ToArray();
        var n = negatives.ToArray();
        double wins = 0;
        foreach (var x in p) foreach (var y in n) wins += x > y ? 1 : x == y ? 0.5 : 0;
        return wins / (p.Length * (double)n.Length);
    }
}
