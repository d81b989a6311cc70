using System.Text;
using System.Text.RegularExpressions;
using NearDup.Align;

namespace NearDup.Quality;

/// <summary>Passage-level evaluations of the aligner (issue 3): PAN character precision/recall/granularity.</summary>
public static partial class PassageEvaluations
{
    public sealed record PanPassageResult(double Precision, double Recall, double Granularity, double Plagdet,
        double TolerantPrecision, double TolerantRecall, int Cases, int Detections, string Report);

    private readonly record struct Span2(int SuspStart, int SuspEnd, int SrcStart, int SrcEnd)
    {
        public int Length => SuspEnd - SuspStart + SrcEnd - SrcStart;
        public bool Overlaps(Span2 o) => SuspStart < o.SuspEnd && o.SuspStart < SuspEnd && SrcStart < o.SrcEnd && o.SrcStart < SrcEnd;
    }

    /// <summary>
    /// PAN's character-level measures (Potthast et al. 2010) on the 500 labelled pairs. A case and a detection are
    /// character sets in both documents; a detection detects a case when they overlap in both. Recall is the mean over
    /// cases of the share of the case's characters inside detections that detect it; precision the mean over detections
    /// of the share of its characters inside cases it detects; granularity the mean number of detections per detected
    /// case. The texts were altered after annotation (offsets drift up to ~25 characters), so a tolerant variant also
    /// widens every case by 25 characters on each side in each document before measuring precision.
    /// </summary>
    public static PanPassageResult Pan(string dir, AlignerOptions options, bool reanchor = false)
    {
        int reanchored = 0;
        var aligner = new PassageAligner(options);
        var cases = new List<(Span2 Case, List<Span2> Detections)>();
        var detections = new List<(Span2 Detection, List<Span2> Cases)>();
        int skipped = 0;
        foreach (var xml in Directory.GetFiles(Path.Combine(dir, "02-no-obfuscation"), "*.xml").Order(StringComparer.Ordinal))
        {
            string content = File.ReadAllText(xml);
            string susp = File.ReadAllText(Path.Combine(dir, "susp", Attribute(content, "reference")));
            string src = File.ReadAllText(Path.Combine(dir, "src", Attribute(content, "source_reference")));
            var pairCases = FeatureRegex().Matches(content).Select(m =>
            {
                int to = int.Parse(Attribute(m.Value, "this_offset")), tl = int.Parse(Attribute(m.Value, "this_length"));
                int so = int.Parse(Attribute(m.Value, "source_offset")), sl = int.Parse(Attribute(m.Value, "source_length"));
                return new Span2(Math.Min(to, susp.Length), Math.Min(to + tl, susp.Length), Math.Min(so, src.Length), Math.Min(so + sl, src.Length));
            }).ToList();
            var found = aligner.Align(susp, src).Passages
                .Select(p => new Span2(p.AStartUtf16, p.AEndUtf16, p.BStartUtf16, p.BEndUtf16)).ToList();
            if (reanchor)
            {
                // The alteration shifted some suspicious-side offsets by far more than 25 characters. A no-obfuscation
                // case is a verbatim copy, so when the source side's first 40 characters occur exactly once in the
                // suspicious document, the case is moved there (same length).
                for (int i = 0; i < pairCases.Count; i++)
                {
                    var c = pairCases[i];
                    if (c.SrcEnd - c.SrcStart < 40) continue;
                    string head = src.Substring(c.SrcStart, 40);
                    int at = susp.IndexOf(head, StringComparison.Ordinal);
                    if (at < 0 || susp.IndexOf(head, at + 1, StringComparison.Ordinal) >= 0 || at == c.SuspStart) continue;
                    pairCases[i] = c with { SuspStart = at, SuspEnd = Math.Min(susp.Length, at + (c.SuspEnd - c.SuspStart)) };
                    reanchored++;
                }
            }
            // Cases the alteration pushed past the end of a shortened document on either side cannot be scored.
            skipped += pairCases.RemoveAll(c => c.SuspEnd <= c.SuspStart || c.SrcEnd <= c.SrcStart);
            foreach (var c in pairCases) cases.Add((c, found.Where(d => d.Overlaps(c)).ToList()));
            foreach (var d in found) detections.Add((d, pairCases.Where(c => c.Overlaps(d)).ToList()));
        }

        double recall = cases.Average(c => Covered(c.Case, c.Detections) / (double)Math.Max(1, c.Case.Length));
        double precision = detections.Count == 0 ? 0 : detections.Average(d => Covered(d.Detection, d.Cases) / (double)Math.Max(1, d.Detection.Length));
        var detected = cases.Where(c => c.Detections.Count > 0).ToList();
        double granularity = detected.Count == 0 ? 1 : detected.Average(c => c.Detections.Count);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double plagdet = f1 / Math.Log2(1 + granularity);

        const int Tolerance = 25;
        Span2 Widen(Span2 s) => new(s.SuspStart - Tolerance, s.SuspEnd + Tolerance, s.SrcStart - Tolerance, s.SrcEnd + Tolerance);
        double tolerantPrecision = detections.Count == 0 ? 0 : detections.Average(d =>
            Covered(d.Detection, d.Cases.Select(Widen).ToList()) / (double)Math.Max(1, d.Detection.Length));
        double tolerantRecall = cases.Average(c => Covered(c.Case, c.Detections.Select(Widen).ToList()) / (double)Math.Max(1, c.Case.Length));

        var worst = cases.Select((c, i) => (c, r: Covered(c.Case, c.Detections) / (double)Math.Max(1, c.Case.Length)))
            .OrderBy(x => x.r).Take(5).Select(x => $"pan13-passages: low recall {x.r:F2} case susp[{x.c.Case.SuspStart},{x.c.Case.SuspEnd}) src[{x.c.Case.SrcStart},{x.c.Case.SrcEnd}) with {x.c.Detections.Count} detection(s)");
        var report = new StringBuilder()
            .AppendLine($"pan13-passages: {(reanchor ? $"RE-ANCHORED ({reanchored} cases moved to where their source text occurs verbatim in the suspicious document); " : "annotated offsets; ")}{cases.Count} cases scored, {skipped} left out (entirely past the end of an altered, shortened document), {detections.Count} detections (500 labelled pairs)")
            .AppendLine($"pan13-passages: strict   precision {precision:F4} recall {recall:F4} granularity {granularity:F4} plagdet {plagdet:F4}")
            .AppendLine($"pan13-passages: tolerant precision {tolerantPrecision:F4} recall {tolerantRecall:F4} (cases and detections widened by {Tolerance} chars per side for the measure they are the reference in)")
            .AppendJoin('\n', worst);
        return new PanPassageResult(precision, recall, granularity, plagdet, tolerantPrecision, tolerantRecall, cases.Count, detections.Count, report.ToString());
    }

    public sealed record CloughCoverageResult(double Auc, double AucWithoutUnsourced, IReadOnlyDictionary<string, double> MeanCoverage, string Report);

    /// <summary>Clough–Stevenson: the share of each answer's tokens inside passages aligned with its task's source.</summary>
    public static CloughCoverageResult CloughCoverage(string dir, AlignerOptions options)
    {
        var aligner = new PassageAligner(options);
        var sources = "abcde".ToDictionary(t => t, t => Evaluations.ReadLegacyText(Path.Combine(dir, $"orig_task{t}.txt")));
        var rows = Csv.Read(Path.Combine(dir, "file_information.csv")).Skip(1).Where(r => r.Length >= 3 && r[2] != "orig").ToList();
        var scored = rows.Select(r => (File: r[0], Category: r[2],
            Score: aligner.Align(Evaluations.ReadLegacyText(Path.Combine(dir, r[0])), sources[r[1][0]]).CoverageA)).ToList();
        // Two answers labelled cut share no three-word run with the source shipped for their task (see README).
        string[] unsourced = ["g2pE_taskc.txt", "g4pD_taskb.txt"];
        double auc = Evaluations.Auc(scored.Where(s => s.Category != "non").Select(s => s.Score), scored.Where(s => s.Category == "non").Select(s => s.Score));
        double aucSourced = Evaluations.Auc(scored.Where(s => s.Category != "non" && !unsourced.Contains(s.File)).Select(s => s.Score),
            scored.Where(s => s.Category == "non").Select(s => s.Score));
        var means = scored.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Average(s => s.Score));
        var report = new StringBuilder($"clough-passages: AUC (coverage of the answer by aligned passages) = {auc:F4}; without the two unsourced cut answers = {aucSourced:F4}\n");
        foreach (var c in new[] { "cut", "light", "heavy", "non" }) report.Append($"clough-passages: mean coverage {c} = {means[c]:F3}\n");
        return new CloughCoverageResult(auc, aucSourced, means, report.ToString().TrimEnd());
    }

    /// <summary>Characters of <paramref name="span"/> (in both documents) inside the union of <paramref name="others"/>.</summary>
    private static int Covered(Span2 span, List<Span2> others)
    {
        int Side(int start, int end, IEnumerable<(int, int)> ranges)
        {
            int covered = 0, cursor = start;
            foreach (var (s, e) in ranges.OrderBy(r => r.Item1))
            {
                int from = Math.Max(cursor, Math.Max(s, start)), to = Math.Min(end, e);
                if (to > from) { covered += to - from; cursor = to; }
            }
            return covered;
        }
        return Side(span.SuspStart, span.SuspEnd, others.Select(o => (o.SuspStart, o.SuspEnd)))
             + Side(span.SrcStart, span.SrcEnd, others.Select(o => (o.SrcStart, o.SrcEnd)));
    }

    private static string Attribute(string xml, string name) => Regex.Match(xml, name + "=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<feature [^>]*/>")]
    private static partial Regex FeatureRegex();
}
