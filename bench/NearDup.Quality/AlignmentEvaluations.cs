using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NearDup.Align;

namespace NearDup.Quality;

/// <summary>
/// Passage-level evaluations of <see cref="PassageAligner"/> (commands <c>align-pan</c>, <c>align-clough</c>,
/// <c>align-example</c>), as a library so tests can assert on the numbers the commands print.
/// </summary>
public static partial class AlignmentEvaluations
{
    /// <summary>Character tolerance of the tolerant PAN variant (the altered copy's offsets drift; see its SOURCE.md).</summary>
    public const int Tolerance = 25;

    /// <summary>PAN's character-level macro measures (Potthast et al. 2010) for one reading of the ground truth.</summary>
    public sealed record PanScores(double Precision, double Recall, double Granularity, double Plagdet, int DetectedCases)
    {
        public string Line => string.Create(CultureInfo.InvariantCulture,
            $"precision {Precision:F4}  recall {Recall:F4}  granularity {Granularity:F4}  plagdet {Plagdet:F4}  ({DetectedCases} cases detected)");
    }

    /// <param name="Strict">At the annotated offsets (clipped to the documents).</param>
    /// <param name="Tolerant">Cases widened by <see cref="Tolerance"/> characters per side for precision and for which detections
    /// detect a case; a case character counts as recalled when within <see cref="Tolerance"/> of a detection that detects it.</param>
    /// <param name="Reanchored">Each case's suspicious side moved to where its source text occurs verbatim in the suspicious document.</param>
    public sealed record AlignPanResult(PanScores Strict, PanScores Tolerant, PanScores Reanchored, int Pairs, int Cases, int Detections,
        int ClippedCases, int ReanchoredCases, TimeSpan Elapsed, string Report);

    /// <summary>A character range on both sides of a pair: [SuspStart, SuspEnd) of the suspicious document, [SrcStart, SrcEnd) of the source.</summary>
    private readonly record struct Span2(int SuspStart, int SuspEnd, int SrcStart, int SrcEnd)
    {
        public int Length => SuspEnd - SuspStart + (SrcEnd - SrcStart);

        /// <summary>PAN's detection relation (perfmeasures.py is_overlapping, external case): overlap in both documents.</summary>
        public bool Overlaps(Span2 o) => SuspStart < o.SuspEnd && o.SuspStart < SuspEnd && SrcStart < o.SrcEnd && o.SrcStart < SrcEnd;

        public Span2 Widen(int by, int suspLength, int srcLength) => new(Math.Max(0, SuspStart - by), Math.Min(suspLength, SuspEnd + by),
            Math.Max(0, SrcStart - by), Math.Min(srcLength, SrcEnd + by));

        public override string ToString() => $"susp[{SuspStart},{SuspEnd}) src[{SrcStart},{SrcEnd})";
    }

    private sealed record PanPair(string Name, string Susp, string Src, List<Span2> Cases, List<Span2> Reanchored);

    private static readonly Dictionary<string, List<PanPair>> PanCache = new(StringComparer.Ordinal);

    /// <summary>
    /// Aligns the 500 labelled pairs of the PAN 2013 subset (suspicious document = A, source = B) and scores the passages
    /// with PAN's character measures: a case and a detection are character sets in both documents (suspicious ∪ source
    /// characters); a detection detects a case when they overlap in both documents. Recall is the mean over cases of the
    /// share of its characters inside detections that detect it; precision the mean over detections of the share of its
    /// characters inside cases it detects; granularity the mean, over detected cases, of the detections that detect it;
    /// plagdet = F1 / log2(1 + granularity). Cases running past the end of an altered (shortened) document are clipped.
    /// </summary>
    public static AlignPanResult Pan(string dir, AlignerOptions options, int worst = 10)
    {
        var clock = Stopwatch.StartNew();
        var pairs = LoadPan(dir);
        var aligner = new PassageAligner(options);
        var detections = pairs.Select(p => aligner.Align(p.Susp, p.Src).Passages
            .Select(d => new Span2(d.AStartUtf16, d.AEndUtf16, d.BStartUtf16, d.BEndUtf16)).ToList()).ToList();
        var strict = Score(pairs, detections, p => p.Cases, 0, out var perCase);
        var tolerant = Score(pairs, detections, p => p.Cases, Tolerance, out _);
        var reanchored = Score(pairs, detections, p => p.Reanchored, 0, out var perCaseReanchored, out var perDetectionReanchored);
        clock.Stop();

        int cases = pairs.Sum(p => p.Cases.Count), found = detections.Sum(d => d.Count);
        int clipped = ClippedCases(dir);
        int moved = pairs.Sum(p => p.Cases.Zip(p.Reanchored).Count(c => c.First != c.Second));
        var report = new StringBuilder();
        report.AppendLine(Inv($"align-pan: {pairs.Count} labelled pairs, {cases} cases ({clipped} clipped at the end of an altered, shortened document), {found} detections; {clock.Elapsed.TotalSeconds:F2} s"));
        report.AppendLine("align-pan: options " + Describe(options));
        report.AppendLine("align-pan: STRICT     (annotated offsets)                   " + strict.Line);
        report.AppendLine(Inv($"align-pan: TOLERANT   (cases widened ±{Tolerance} chars per side)      ") + tolerant.Line);
        report.AppendLine(Inv($"align-pan: RE-ANCHORED ({moved} cases' suspicious side moved)   ") + reanchored.Line);
        report.AppendLine(Inv($"align-pan: tolerant = every case widened by {Tolerance} characters on each side of each document before measuring precision (and before deciding which detections detect it);"));
        report.AppendLine(Inv($"align-pan:   its recall counts a case character as detected when it lies within {Tolerance} characters of a detection that detects the case."));
        report.AppendLine("align-pan: re-anchored = the source side as annotated; the suspicious side where 32-character chunks of that source text occur verbatim (and once) in the suspicious document.");
        report.AppendLine("align-pan: goal (issue): precision and recall >= 0.95 each, granularity <= 1.05.");
        report.AppendLine(Inv($"align-pan: the {worst} cases of lowest strict recall:"));
        foreach (var (pairIndex, caseIndex, recall, dets) in perCase.OrderBy(c => c.Recall).ThenBy(c => c.PairIndex).Take(worst))
        {
            var pair = pairs[pairIndex];
            var c = pair.Cases[caseIndex];
            var r = pair.Reanchored[caseIndex];
            var nearest = detections[pairIndex].OrderBy(d => Math.Abs(d.SrcStart - c.SrcStart) + Math.Abs(d.SuspStart - r.SuspStart)).FirstOrDefault();
            report.Append(Inv($"align-pan:   recall {recall:F2}  {pair.Name}  case {c} ({c.Length / 2} chars a side), {dets} detection(s) of it"));
            report.Append(r != c ? Inv($"; its source text is at susp[{r.SuspStart},{r.SuspEnd}) (drift {r.SuspStart - c.SuspStart:+#;-#;0})") : "; source text not relocated");
            report.AppendLine(nearest.Length > 0 ? $"; nearest detection {nearest}" : "; no detection in the pair");
        }
        report.AppendLine(Inv($"align-pan: the {worst} cases of lowest RE-ANCHORED recall:"));
        foreach (var (pairIndex, caseIndex, recall, dets) in perCaseReanchored.OrderBy(c => c.Recall).ThenBy(c => c.PairIndex).Take(worst))
        {
            var r = pairs[pairIndex].Reanchored[caseIndex];
            var inPair = detections[pairIndex];
            report.AppendLine(Inv($"align-pan:   recall {recall:F2}  {pairs[pairIndex].Name}  case {r}, {dets} detection(s) of it; detections in the pair: {(inPair.Count == 0 ? "none" : string.Join(" ", inPair))}"));
        }
        int unmatched = perDetectionReanchored.Count(x => x.Precision == 0);
        double rest = perDetectionReanchored.Where(x => x.Precision > 0).Select(x => x.Precision).DefaultIfEmpty(0).Average();
        report.AppendLine(Inv($"align-pan: {unmatched} of {found} detections detect no (re-anchored) case and score precision 0 (macro precision counts each detection once, however short); precision over the other {found - unmatched} = {rest:F4}"));
        report.AppendLine(Inv($"align-pan: the {worst} detections of lowest RE-ANCHORED precision:"));
        foreach (var (pairIndex, d, share) in perDetectionReanchored.OrderBy(x => x.Precision).ThenBy(x => x.PairIndex).Take(worst))
            report.AppendLine(Inv($"align-pan:   precision {share:F2}  {pairs[pairIndex].Name}  detection {d}; cases: {string.Join(" ", pairs[pairIndex].Reanchored)}"));
        return new AlignPanResult(strict, tolerant, reanchored, pairs.Count, cases, found, clipped, moved, clock.Elapsed, report.ToString().TrimEnd());
    }

    /// <summary>Command <c>align-clough-passages FILE...</c>: the passages of the named answers with their task's source, and the
    /// answer text left outside them, for reading why an answer scores what it does.</summary>
    public static string CloughPassages(string dir, AlignerOptions options, string[] files)
    {
        var aligner = new PassageAligner(options);
        var rows = Csv.Read(Path.Combine(dir, "file_information.csv")).Skip(1).Where(r => r.Length >= 3 && files.Contains(r[0]));
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            string a = Evaluations.ReadLegacyText(Path.Combine(dir, r[0])), b = Evaluations.ReadLegacyText(Path.Combine(dir, $"orig_task{r[1]}.txt"));
            var al = aligner.Align(a, b);
            sb.AppendLine(Inv($"== {r[0]} {r[2]} tokens {al.TokensA}x{al.TokensB} need {options.MinPassageTokensFor(al.TokensA, al.TokensB)} coverage {al.CoverageA:F3}"));
            int cursor = 0;
            foreach (var p in al.Passages)
            {
                if (p.AStartUtf16 > cursor) sb.AppendLine("   .. " + Flat(a[cursor..p.AStartUtf16]));
                sb.AppendLine(Inv($"   [{p.MatchedTokens}/{p.ATokens}] ") + Flat(a[p.AStartUtf16..p.AEndUtf16]) + "  <=>  " + Flat(b[p.BStartUtf16..p.BEndUtf16]));
                cursor = Math.Max(cursor, p.AEndUtf16);
            }
            if (cursor < a.Length) sb.AppendLine("   .. " + Flat(a[cursor..]));
        }
        return sb.ToString();
    }

    /// <summary>PAN (strict, tolerant, re-anchored) and Clough AUC for a few <see cref="AlignerOptions"/> around the defaults.</summary>
    public static string ParameterTable(string panDir, string? cloughDir)
    {
        var d = AlignerOptions.Default;
        var variants = new List<(string Name, AlignerOptions Options)> { ("default", d) };
        variants.Add(("fixed MinPassageTokens=12", d with { MinPassageTokensShort = 12 }));
        foreach (int v in new[] { 7, 9 }) variants.Add(($"MinPassageTokensShort={v}", d with { MinPassageTokensShort = v }));
        foreach (int v in new[] { 19, 20, 22, 23 }) variants.Add(($"FullLengthPairSize=2^{v}", d with { FullLengthPairSize = 1L << v }));
        foreach (int v in new[] { 6, 8, 16, 24 }) variants.Add(($"MinPassageTokens={v}", d with { MinPassageTokens = v }));
        foreach (int v in new[] { 4, 8, 24, 48 }) variants.Add(($"MaxGap={v}", d with { MaxGap = v }));
        foreach (int v in new[] { 2, 4, 5 }) variants.Add(($"SeedSize={v}", d with { SeedSize = v }));
        foreach (double v in new[] { 0.3, 0.4, 0.6, 0.7 }) variants.Add((Inv($"MinSimilarity={v}"), d with { MinSimilarity = v }));
        foreach (double v in new[] { 0.25, 1.0 }) variants.Add((Inv($"GapCost={v}"), d with { GapCost = v }));
        variants.Add(("ExtendEdges=false", d with { ExtendEdges = false }));
        variants.Add(("MaxGap=24,GapCost=0.25", d with { MaxGap = 24, GapCost = 0.25 }));
        variants.Add(("MinPassageTokens=8,MaxGap=24", d with { MinPassageTokens = 8, MaxGap = 24 }));
        variants.Add(("MinPassageTokens=8,SeedSize=2", d with { MinPassageTokens = 8, SeedSize = 2 }));
        variants.Add(("MinPassageTokens=16,MaxGap=24", d with { MinPassageTokens = 16, MaxGap = 24 }));

        var sb = new StringBuilder();
        sb.AppendLine("align-pan-table: variant                        | strict P  R      G      plagdet | tolerant P  R      | re-anchored P  R      G      | clough AUC (w/o 2)  mean cut/light/heavy/non | s");
        foreach (var (name, options) in variants)
        {
            var r = Pan(panDir, options, worst: 0);
            string clough = "";
            if (cloughDir is not null && Directory.Exists(cloughDir))
            {
                var c = Clough(cloughDir, options);
                var m = c.MeanCoverage;
                clough = Inv($"{c.Auc:F4} ({c.AucWithoutUnsourced:F4})  {m["cut"]:F2}/{m["light"]:F2}/{m["heavy"]:F2}/{m["non"]:F3}");
            }
            sb.AppendLine(Inv($"align-pan-table: {name,-30} | {r.Strict.Precision:F4} {r.Strict.Recall:F4} {r.Strict.Granularity:F4} {r.Strict.Plagdet:F4}  | {r.Tolerant.Precision:F4} {r.Tolerant.Recall:F4} | {r.Reanchored.Precision:F4} {r.Reanchored.Recall:F4} {r.Reanchored.Granularity:F4} | {clough,-44} | {r.Elapsed.TotalSeconds:F2}"));
        }
        return sb.ToString().TrimEnd();
    }

    private static PanScores Score(List<PanPair> pairs, List<List<Span2>> detections, Func<PanPair, List<Span2>> casesOf, int tolerance,
        out List<(int PairIndex, int Case, double Recall, int Detections)> perCase)
        => Score(pairs, detections, casesOf, tolerance, out perCase, out _);

    private static PanScores Score(List<PanPair> pairs, List<List<Span2>> detections, Func<PanPair, List<Span2>> casesOf, int tolerance,
        out List<(int PairIndex, int Case, double Recall, int Detections)> perCase, out List<(int PairIndex, Span2 Detection, double Precision)> perDetection)
    {
        perCase = [];
        perDetection = [];
        double recallSum = 0, precisionSum = 0, granularitySum = 0;
        int caseCount = 0, detectionCount = 0, detected = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var cases = casesOf(pair);
            var dets = detections[i];
            var wideCases = cases.Select(c => c.Widen(tolerance, pair.Susp.Length, pair.Src.Length)).ToList();
            var wideDets = dets.Select(d => d.Widen(tolerance, pair.Susp.Length, pair.Src.Length)).ToList();
            for (int c = 0; c < cases.Count; c++)
            {
                var detecting = Enumerable.Range(0, dets.Count).Where(j => wideCases[c].Overlaps(dets[j])).ToList();
                double recall = Covered(cases[c], detecting.Select(j => wideDets[j])) / (double)cases[c].Length;
                recallSum += recall;
                caseCount++;
                if (detecting.Count > 0) { detected++; granularitySum += detecting.Count; }
                perCase.Add((i, c, recall, detecting.Count));
            }
            foreach (var d in dets)
            {
                double share = Covered(d, wideCases.Where(w => w.Overlaps(d))) / (double)d.Length;
                precisionSum += share;
                perDetection.Add((i, d, share));
                detectionCount++;
            }
        }
        // PAN's conventions: no detections gives precision 0; no detected case gives granularity 1.
        double precision = detectionCount == 0 ? 0 : precisionSum / detectionCount;
        double recallMean = caseCount == 0 ? 0 : recallSum / caseCount;
        double granularity = detected == 0 ? 1 : granularitySum / detected;
        double f1 = precision + recallMean == 0 ? 0 : 2 * precision * recallMean / (precision + recallMean);
        return new PanScores(precision, recallMean, granularity, f1 / Math.Log2(1 + granularity), detected);
    }

    /// <summary>Characters of <paramref name="span"/> (suspicious + source side) inside the union of <paramref name="others"/>.</summary>
    private static int Covered(Span2 span, IEnumerable<Span2> others)
    {
        var list = others as IReadOnlyList<Span2> ?? others.ToList();
        return Union(span.SuspStart, span.SuspEnd, list.Select(o => (o.SuspStart, o.SuspEnd)))
             + Union(span.SrcStart, span.SrcEnd, list.Select(o => (o.SrcStart, o.SrcEnd)));

        static int Union(int start, int end, IEnumerable<(int Start, int End)> ranges)
        {
            int covered = 0, cursor = start;
            foreach (var (s, e) in ranges.OrderBy(r => r.Start))
            {
                int from = Math.Max(cursor, s), to = Math.Min(end, e);
                if (to > from) { covered += to - from; cursor = to; }
            }
            return covered;
        }
    }

    private static List<PanPair> LoadPan(string dir)
    {
        lock (PanCache)
        {
            if (PanCache.TryGetValue(dir, out var cached)) return cached;
            var pairs = new List<PanPair>();
            foreach (var xml in Directory.GetFiles(Path.Combine(dir, "02-no-obfuscation"), "*.xml").Order(StringComparer.Ordinal))
            {
                string content = File.ReadAllText(xml);
                string susp = File.ReadAllText(Path.Combine(dir, "susp", Attribute(content, "reference")));
                var cases = new List<Span2>();
                var reanchored = new List<Span2>();
                string? src = null;
                foreach (Match m in FeatureRegex().Matches(content))
                {
                    src ??= File.ReadAllText(Path.Combine(dir, "src", Attribute(m.Value, "source_reference")));
                    int to = Int(m.Value, "this_offset"), tl = Int(m.Value, "this_length");
                    int so = Int(m.Value, "source_offset"), sl = Int(m.Value, "source_length");
                    var c = new Span2(Math.Min(to, susp.Length), Math.Min(to + tl, susp.Length), Math.Min(so, src.Length), Math.Min(so + sl, src.Length));
                    if (c.SuspEnd <= c.SuspStart || c.SrcEnd <= c.SrcStart)
                        throw new InvalidDataException($"{xml}: a case lies wholly past the end of a document; clipping leaves nothing to score");
                    cases.Add(c);
                    reanchored.Add(Reanchor(c, susp, src));
                }
                if (src is null) continue;
                if (!IsAscii(susp) || !IsAscii(src))
                    throw new InvalidDataException($"{xml}: non-ASCII text; the scoring assumes code points = UTF-16 units = characters");
                pairs.Add(new PanPair(Path.GetFileNameWithoutExtension(xml), susp, src, cases, reanchored));
            }
            PanCache[dir] = pairs;
            return pairs;
        }
    }

    private static int ClippedCases(string dir)
    {
        int clipped = 0;
        foreach (var xml in Directory.GetFiles(Path.Combine(dir, "02-no-obfuscation"), "*.xml"))
        {
            string content = File.ReadAllText(xml);
            long suspLength = new FileInfo(Path.Combine(dir, "susp", Attribute(content, "reference"))).Length;
            foreach (Match m in FeatureRegex().Matches(content))
            {
                long srcLength = new FileInfo(Path.Combine(dir, "src", Attribute(m.Value, "source_reference"))).Length;
                if (Int(m.Value, "this_offset") + Int(m.Value, "this_length") > suspLength || Int(m.Value, "source_offset") + Int(m.Value, "source_length") > srcLength)
                    clipped++;
            }
        }
        return clipped;
    }

    /// <summary>
    /// Where the case's source text lies in the suspicious document: every 32-character chunk (step 16) of the source side
    /// that occurs exactly once in the suspicious document votes for a shift; chunks within 30 characters of the median
    /// shift give the new start (first chunk) and end (last chunk). The case is left as annotated when no chunk is found.
    /// Independent of the aligner: exact string search only.
    /// </summary>
    private static Span2 Reanchor(Span2 c, string susp, string src)
    {
        const int Chunk = 32, Step = 16, Agree = 30;
        var hits = new List<(int Offset, int At)>();
        for (int off = 0; c.SrcStart + off + Chunk <= c.SrcEnd; off += Step)
        {
            string chunk = src.Substring(c.SrcStart + off, Chunk);
            int at = susp.IndexOf(chunk, StringComparison.Ordinal);
            if (at >= 0 && susp.IndexOf(chunk, at + 1, StringComparison.Ordinal) < 0) hits.Add((off, at));
        }
        if (hits.Count == 0) return c;
        var shifts = hits.Select(h => h.At - (c.SuspStart + h.Offset)).Order().ToList();
        int median = shifts[shifts.Count / 2];
        var agreeing = hits.Where(h => Math.Abs(h.At - (c.SuspStart + h.Offset) - median) <= Agree).ToList();
        var first = agreeing[0];
        var last = agreeing[^1];
        int start = Math.Max(0, first.At - first.Offset);
        int end = Math.Min(susp.Length, last.At + Chunk + (c.SrcEnd - c.SrcStart - last.Offset - Chunk));
        return end > start ? c with { SuspStart = start, SuspEnd = end } : c;
    }

    /// <param name="Auc">AUC of <see cref="Alignment.CoverageA"/>, cut/light/heavy against non, all 57 positives.</param>
    /// <param name="AucWithoutUnsourced">The same without the two cut answers that have no source text.</param>
    /// <param name="SharedRunAuc">AUC of <see cref="Alignment.SharedRunCoverageA"/> (containment by shared 3-token runs).</param>
    /// <param name="SharedRunAucWithoutUnsourced">The same without the two unsourced cut answers.</param>
    public sealed record AlignCloughResult(double Auc, double AucWithoutUnsourced, IReadOnlyDictionary<string, double> MeanCoverage,
        IReadOnlyDictionary<string, double> MedianCoverage, IReadOnlyDictionary<string, double> AucByCategory, bool OrderHolds,
        double SharedRunAuc, double SharedRunAucWithoutUnsourced, IReadOnlyDictionary<string, double> MeanSharedRun,
        TimeSpan Elapsed, string Report);

    /// <summary>The two answers labelled cut that share no three-word run with the source shipped for their task (see README).</summary>
    public static readonly string[] CloughUnsourced = ["g2pE_taskc.txt", "g4pD_taskb.txt"];

    /// <summary>
    /// Clough–Stevenson: each answer (A) aligned with its task's source (B). Two scores: <see cref="Alignment.CoverageA"/>,
    /// the share of the answer's tokens inside aligned passages (issue 3), and <see cref="Alignment.SharedRunCoverageA"/>,
    /// the share inside any 3-token run the source has too (containment, issue 2). AUC of cut/light/heavy against non,
    /// overall and per category; mean and median per category.
    /// </summary>
    public static AlignCloughResult Clough(string dir, AlignerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var aligner = new PassageAligner(options with { MeasureSharedRuns = true });
        var sources = "abcde".ToDictionary(t => t, t => Evaluations.ReadLegacyText(Path.Combine(dir, $"orig_task{t}.txt")));
        var rows = Csv.Read(Path.Combine(dir, "file_information.csv")).Skip(1).Where(r => r.Length >= 3 && r[2] != "orig").ToList();
        var scored = rows.Select(r =>
        {
            var al = aligner.Align(Evaluations.ReadLegacyText(Path.Combine(dir, r[0])), sources[r[1][0]]);
            return (File: r[0], Category: r[2], Score: al.CoverageA, Shared: al.SharedRunCoverageA);
        }).ToList();
        clock.Stop();

        string[] unsourced = CloughUnsourced;
        string[] categories = ["cut", "light", "heavy", "non"];
        var report = new StringBuilder();
        report.AppendLine(Inv($"align-clough: {scored.Count} answers aligned with their task's source (A = answer, B = source); {clock.Elapsed.TotalSeconds:F2} s"));
        (double All, double Sourced, Dictionary<string, double> Means, Dictionary<string, double> Medians, Dictionary<string, double> ByCategory) Measure(
            string name, Func<(string File, string Category, double Score, double Shared), double> score)
        {
            var non = scored.Where(s => s.Category == "non").Select(score).ToList();
            double auc = Evaluations.Auc(scored.Where(s => s.Category != "non").Select(score), non);
            double aucSourced = Evaluations.Auc(scored.Where(s => s.Category != "non" && !unsourced.Contains(s.File)).Select(score), non);
            var means = categories.ToDictionary(c => c, c => scored.Where(s => s.Category == c).Average(score));
            var medians = categories.ToDictionary(c => c, c => Median(scored.Where(s => s.Category == c).Select(score)));
            var byCategory = categories[..3].ToDictionary(c => c, c => Evaluations.Auc(scored.Where(s => s.Category == c).Select(score), non));
            report.AppendLine(Inv($"align-clough: {name}: AUC cut/light/heavy vs non = {auc:F4} (all {scored.Count(s => s.Category != "non")} positives); without the two unsourced cut answers (g2pE_taskc, g4pD_taskb) = {aucSourced:F4}"));
            report.AppendLine(Inv($"align-clough: {name}: AUC per category vs non: cut {byCategory["cut"]:F4}, light {byCategory["light"]:F4}, heavy {byCategory["heavy"]:F4}"));
            report.AppendLine(Inv($"align-clough: {name}: mean ") + string.Join(", ", categories.Select(c => Inv($"{c} {means[c]:F3}")))
                + "; median " + string.Join(", ", categories.Select(c => Inv($"{c} {medians[c]:F3}"))));
            double cutSourced = scored.Where(s => s.Category == "cut" && !unsourced.Contains(s.File)).Average(score);
            report.AppendLine(Inv($"align-clough: {name}: mean of the 17 sourced cut answers {cutSourced:F3}; order of means cut > light > heavy > non {(means["cut"] > means["light"] && means["light"] > means["heavy"] && means["heavy"] > means["non"] ? "holds" : "DOES NOT hold")}, of medians {(medians["cut"] > medians["light"] && medians["light"] > medians["heavy"] && medians["heavy"] >= medians["non"] ? "holds" : "DOES NOT hold")}"));
            double topNon = non.Max();
            foreach (var c in categories[..3])
            {
                var low = scored.Where(s => s.Category == c && score(s) <= topNon).OrderBy(score).ThenBy(s => s.File, StringComparer.Ordinal).ToList();
                report.AppendLine(Inv($"align-clough:   {c}: {low.Count} answer(s) at or below the highest non score ({topNon:F3}): {string.Join(", ", low.Select(s => Inv($"{s.File} {score(s):F3}")))}"));
            }
            report.AppendLine(Inv($"align-clough:   highest non: {string.Join(", ", scored.Where(s => s.Category == "non").OrderByDescending(score).Take(3).Select(s => Inv($"{s.File} {score(s):F3}")))}"));
            return (auc, aucSourced, means, medians, byCategory);
        }
        var coverage = Measure("coverage by passages (CoverageA)", s => s.Score);
        var shared = Measure("containment by shared 3-token runs (SharedRunCoverageA)", s => s.Shared);
        var m = coverage.Means;
        bool order = m["cut"] > m["light"] && m["light"] > m["heavy"] && m["heavy"] > m["non"];
        return new AlignCloughResult(coverage.All, coverage.Sourced, coverage.Means, coverage.Medians, coverage.ByCategory, order,
            shared.All, shared.Sourced, shared.Means, clock.Elapsed, report.ToString().TrimEnd());
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    public sealed record AlignExampleResult(Alignment Alignment, string A, string B, string Report);

    /// <summary>The passages and edits of the real reprint pair in ../shared/examples, printed for reading.</summary>
    public static AlignExampleResult Example(string examplesDir, AlignerOptions options)
    {
        var files = Directory.GetFiles(examplesDir, "*.txt").Order(StringComparer.Ordinal).ToArray();
        if (files.Length < 2) throw new FileNotFoundException($"{examplesDir} holds fewer than two .txt files");
        string a = File.ReadAllText(files[0]), b = File.ReadAllText(files[1]);
        var aligner = new PassageAligner(options);
        aligner.Align(a, b); // warm-up (JIT)
        var clock = Stopwatch.StartNew();
        var alignment = aligner.Align(a, b);
        clock.Stop();
        string nameA = Path.GetFileName(files[0]), nameB = Path.GetFileName(files[1]);
        var sb = new StringBuilder();
        sb.AppendLine(Inv($"align-example: A = {nameA} ({alignment.TokensA} tokens), B = {nameB} ({alignment.TokensB} tokens); offsets in code points, end exclusive"));
        sb.AppendLine(Inv($"align-example: {alignment.Passages.Count} passage(s); coverage A {alignment.CoverageA:F3}, B {alignment.CoverageB:F3}; aligned in {clock.Elapsed.TotalMilliseconds:F3} ms after one warm-up call (one timing; the benchmarks measure properly)"));
        int n = 0;
        foreach (var p in alignment.Passages)
        {
            sb.AppendLine();
            sb.AppendLine(Inv($"passage {++n}: A[{p.AStart},{p.AEnd}) <-> B[{p.BStart},{p.BEnd})  matched {p.MatchedTokens} of {p.ATokens} A / {p.BTokens} B tokens, similarity {p.Similarity:F3}, {p.Edits.Count} edit(s)"));
            sb.AppendLine($"  A: {Excerpt(a, p.AStartUtf16, p.AEndUtf16)}");
            sb.AppendLine($"  B: {Excerpt(b, p.BStartUtf16, p.BEndUtf16)}");
            foreach (var e in p.Edits)
            {
                string what = e.Kind switch
                {
                    EditKind.Insert => $"+ \"{Flat(e.BText)}\"",
                    EditKind.Delete => $"- \"{Flat(e.AText)}\"",
                    _ => $"\"{Flat(e.AText)}\" -> \"{Flat(e.BText)}\"",
                };
                sb.AppendLine(Inv($"  {e.Kind.ToString().ToLowerInvariant(),-10} A[{e.AStart},{e.AEnd}) B[{e.BStart},{e.BEnd})  {what}"));
            }
        }
        sb.AppendLine();
        foreach (var (side, text, ranges) in new[] { ("A", a, alignment.Passages.Select(p => (p.AStartUtf16, p.AEndUtf16))), ("B", b, alignment.Passages.Select(p => (p.BStartUtf16, p.BEndUtf16))) })
        {
            int cursor = 0;
            foreach (var (s0, e0) in ranges.OrderBy(r => r.Item1).Append((text.Length, text.Length)))
            {
                if (s0 > cursor && text[cursor..s0].Any(char.IsLetterOrDigit))
                    sb.AppendLine(Inv($"not aligned, {side}[{CodePoints(text, cursor)},{CodePoints(text, s0)}): {Excerpt(text, cursor, s0)}"));
                cursor = Math.Max(cursor, e0);
            }
        }
        return new AlignExampleResult(alignment, a, b, sb.ToString().TrimEnd());
    }

    private static string Excerpt(string text, int start, int end, int each = 70)
    {
        string span = text[start..end];
        return span.Length <= 2 * each + 5 ? $"\"{Flat(span)}\"" : $"\"{Flat(span[..each])} … {Flat(span[^each..])}\" ({CodePoints(text, end) - CodePoints(text, start)} code points)";
    }

    private static string Flat(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    private static int CodePoints(string text, int utf16Offset)
    {
        int n = 0;
        for (int i = 0; i < utf16Offset; i++) if (!char.IsLowSurrogate(text[i])) n++;
        return n;
    }

    public static string Describe(AlignerOptions o) => Inv(
        $"SeedSize={o.SeedSize} MaxGap={o.MaxGap} GapCost={o.GapCost} MinPassageTokens={o.MinPassageTokens} (short pairs {o.MinPassageTokensShort}, full from m·n={o.FullLengthPairSize}) MinSimilarity={o.MinSimilarity} MaxSeedOccurrences={o.MaxSeedOccurrences} ExtendEdges={o.ExtendEdges}");

    private static bool IsAscii(string s) => !s.Any(ch => ch > 0x7F);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static int Int(string xml, string name) => int.Parse(Attribute(xml, name), CultureInfo.InvariantCulture);

    private static string Attribute(string xml, string name) => Regex.Match(xml, name + "=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<feature [^>]*/>")]
    private static partial Regex FeatureRegex();
}
