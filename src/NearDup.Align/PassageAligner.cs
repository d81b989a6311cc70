using System.Runtime.CompilerServices;
using NearDup.Text;

namespace NearDup.Align;

/// <summary>
/// Finds the reused passages of a pair of texts: maximal stretches that correspond, tolerant of word edits,
/// respellings, quote styles, transliterations, tense changes and OCR noise, in any order (a passage may
/// have moved).
/// </summary>
/// <remarks>
/// <para>Algorithm. (1) Both texts are tokenised (<see cref="AlignerOptions.Tokenizer"/>) and every
/// <see cref="AlignerOptions.SeedSize"/>-token shingle is hashed. (2) A hash join (an open-addressing table of
/// B's shingles) gives the seeds, pairs of positions with the same shingle; each maximal run of equal tokens
/// along a diagonal that contains a seed becomes one exact fragment. (3) Fragments are chained by a
/// dynamic programme, as in local chaining of genome anchors: a fragment may follow another that ends before it
/// in both texts, at most <see cref="AlignerOptions.MaxGap"/> tokens earlier on either side, scoring its length
/// minus <see cref="AlignerOptions.GapCost"/> per skipped token. (4) Chains are taken best first; each fragment
/// belongs to one chain, and a chain is cut where it would overlap a passage already taken, so every token of
/// A, and of B, is in at most one passage, while passages may come in different orders in A and B. A passage
/// must hold <see cref="AlignerOptions.MinPassageTokens"/> matched non-furniture seed tokens and reach
/// <see cref="AlignerOptions.MinSimilarity"/>. (5) Optionally each end is extended through short matches by a
/// small alignment. (6) Inside a passage the fragments are exact; each gap between them (at most
/// <see cref="AlignerOptions.MaxGap"/> tokens a side) is aligned by a longest-common-subsequence table on token
/// hashes, and every run of unmatched tokens becomes an <see cref="Edit"/>.</para>
/// <para>Cost: linear in the tokens plus the seeds; no allocation per token. Buffers are kept per instance,
/// so an instance is not thread-safe: create one per thread (creation is cheap).</para>
/// </remarks>
public sealed class PassageAligner
{
    private const double ExtensionGapCost = 0.5;

    private readonly AlignerOptions _options;
    private readonly TokenList _tokensA = new(256);
    private readonly TokenList _tokensB = new(256);
    private ulong[] _shinglesA = new ulong[256];
    private ulong[] _shinglesB = new ulong[256];

    // Open-addressing table of B's shingles; a slot is live when its stamp equals the current generation,
    // so the table is never cleared.
    private ulong[] _keys = [];
    private int[] _stamp = [];
    private int[] _head = [];
    private int[] _countA = [];
    private int[] _countB = [];
    private byte[] _furniture = []; // 0 unknown, 1 furniture, 2 content
    private int _mask;
    private int _minPassageTokens;
    private int _generation;
    private int[] _nextB = new int[256];
    private int[] _slotA = new int[256];

    private Fragment[] _fragments = new Fragment[64];
    private int _fragmentCount;
    private int[] _byEnd = new int[64];
    private int[] _byEndKey = new int[64];
    private int[] _pred = new int[64];
    private int[] _clip = new int[64];
    private double[] _score = new double[64];
    private int[] _order = new int[64];
    private bool[] _used = new bool[64];

    private int[] _chainItems = new int[64];
    private int _chainItemCount;
    private Candidate[] _candidates = new Candidate[16];
    private int _candidateCount;

    private Segment[] _segments = new Segment[64];
    private int _segmentCount;
    private Work[] _work = new Work[8];
    private int _workCount;

    private int[] _lcs = new int[256];
    private double[] _extScore = new double[256];
    private int[] _extMatches = new int[256];

    /// <summary>Creates an aligner; its buffers grow with the longest texts it sees and are then reused.</summary>
    public PassageAligner(AlignerOptions? options = null)
    {
        _options = options ?? AlignerOptions.Default;
        _options.Validate();
    }

    /// <summary>The options in use.</summary>
    public AlignerOptions Options => _options;

    /// <summary>
    /// Aligns <paramref name="a"/> with <paramref name="b"/>.
    /// </summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <param name="isFurnitureSeed">Optional: whether a seed is page furniture (a footer, a disclaimer). It is
    /// called with the seed's shingle hash, <see cref="Shingles.Compute"/> over <see cref="AlignerOptions.SeedSize"/>
    /// tokens, once per distinct shared shingle. Furniture seeds may be part of a passage but never count towards
    /// <see cref="AlignerOptions.MinPassageTokens"/>, so furniture alone never forms a passage.</param>
    /// <returns>The passages, in order of their start in A, and the coverage of each text.</returns>
    public Alignment Align(string a, string b, Func<ulong, bool>? isFurnitureSeed = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Tokenizer.Tokenize(a, _options.Tokenizer, _tokensA);
        Tokenizer.Tokenize(b, _options.Tokenizer, _tokensB);
        ReadOnlySpan<Token> ta = _tokensA.Span, tb = _tokensB.Span;
        int k = _options.SeedSize;
        if (ta.Length < k || tb.Length < k) return Empty(ta.Length, tb.Length);

        _minPassageTokens = _options.MinPassageTokensFor(ta.Length, tb.Length);
        int na = ta.Length - k + 1, nb = tb.Length - k + 1;
        EnsureSize(ref _shinglesA, na);
        EnsureSize(ref _shinglesB, nb);
        Shingles.Compute(ta, k, _shinglesA);
        Shingles.Compute(tb, k, _shinglesB);

        BuildTable(nb);
        ProbeA(na);
        var shared = _options.MeasureSharedRuns ? SharedRunCoverage(ta.Length, tb.Length, na, nb) : default;
        FindFragments(ta, tb, na, isFurnitureSeed);
        if (_fragmentCount == 0) return Empty(ta.Length, tb.Length, shared);

        Chain();
        ExtractCandidates();
        if (_candidateCount == 0) return Empty(ta.Length, tb.Length, shared);
        Resolve();
        if (_workCount == 0) return Empty(ta.Length, tb.Length, shared);
        if (_options.ExtendEdges) ExtendAll(ta, tb);
        return Build(a, b, ta, tb) with { SharedRunCoverageA = shared.A, SharedRunCoverageB = shared.B };
    }

    private static Alignment Empty(int tokensA, int tokensB) => new([], 0, 0, tokensA, tokensB);

    private static Alignment Empty(int tokensA, int tokensB, (double A, double B) shared) =>
        new([], 0, 0, tokensA, tokensB) { SharedRunCoverageA = shared.A, SharedRunCoverageB = shared.B };

    /// <summary>Shares of A's and B's tokens covered by shingles the other text has too (after <see cref="ProbeA"/>).</summary>
    private (double A, double B) SharedRunCoverage(int tokensA, int tokensB, int na, int nb)
    {
        int k = _options.SeedSize;
        int coveredA = 0, coveredEnd = 0;
        for (int i = 0; i < na; i++)
        {
            if (_slotA[i] < 0) continue;
            coveredA += i + k - Math.Max(i, coveredEnd);
            coveredEnd = i + k;
        }
        // B: each shingle is in the table (BuildTable put it there); it is shared when A counted it.
        int coveredB = 0;
        coveredEnd = 0;
        int gen = _generation;
        for (int j = 0; j < nb; j++)
        {
            ulong h = _shinglesB[j];
            int slot = (int)(h & (ulong)_mask);
            while (_stamp[slot] == gen && _keys[slot] != h) slot = (slot + 1) & _mask;
            if (_countA[slot] == 0) continue;
            coveredB += j + k - Math.Max(j, coveredEnd);
            coveredEnd = j + k;
        }
        return ((double)coveredA / tokensA, (double)coveredB / tokensB);
    }

    // ---------------------------------------------------------------- seeds

    private void BuildTable(int nb)
    {
        int capacity = 64;
        while (capacity < nb * 2) capacity <<= 1;
        if (_keys.Length < capacity)
        {
            _keys = new ulong[capacity];
            _stamp = new int[capacity];
            _head = new int[capacity];
            _countA = new int[capacity];
            _countB = new int[capacity];
            _furniture = new byte[capacity];
            _generation = 0;
        }
        else capacity = _keys.Length;
        _mask = capacity - 1;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
        EnsureSize(ref _nextB, nb);

        int gen = _generation;
        ulong[] keys = _keys;
        int[] stamp = _stamp;
        // Inserted from the end so that each chain lists B positions in ascending order.
        for (int j = nb - 1; j >= 0; j--)
        {
            ulong h = _shinglesB[j];
            int slot = (int)(h & (ulong)_mask);
            while (stamp[slot] == gen && keys[slot] != h) slot = (slot + 1) & _mask;
            if (stamp[slot] != gen)
            {
                stamp[slot] = gen;
                keys[slot] = h;
                _head[slot] = -1;
                _countA[slot] = 0;
                _countB[slot] = 0;
                _furniture[slot] = 0;
            }
            _nextB[j] = _head[slot];
            _head[slot] = j;
            _countB[slot]++;
        }
    }

    private void ProbeA(int na)
    {
        EnsureSize(ref _slotA, na);
        int gen = _generation;
        ulong[] keys = _keys;
        int[] stamp = _stamp;
        for (int i = 0; i < na; i++)
        {
            ulong h = _shinglesA[i];
            int slot = (int)(h & (ulong)_mask);
            while (stamp[slot] == gen && keys[slot] != h) slot = (slot + 1) & _mask;
            if (stamp[slot] == gen)
            {
                _slotA[i] = slot;
                _countA[slot]++;
            }
            else _slotA[i] = -1;
        }
    }

    /// <summary>Whether shingle <paramref name="i"/> of A is shared and not too frequent to seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Seeds(int i)
    {
        int slot = _slotA[i];
        return slot >= 0 && _countA[slot] <= _options.MaxSeedOccurrences && _countB[slot] <= _options.MaxSeedOccurrences;
    }

    private void FindFragments(ReadOnlySpan<Token> ta, ReadOnlySpan<Token> tb, int na, Func<ulong, bool>? isFurniture)
    {
        _fragmentCount = 0;
        int k = _options.SeedSize;
        for (int i = 0; i < na; i++)
        {
            if (!Seeds(i)) continue;
            for (int j = _head[_slotA[i]]; j >= 0; j = _nextB[j])
            {
                int d = j - i;
                // Only the first seed of a maximal run of equal tokens makes the fragment.
                int s = i;
                bool first = true;
                while (s > 0 && s + d > 0 && ta[s - 1].Hash == tb[s - 1 + d].Hash)
                {
                    s--;
                    if (Seeds(s)) { first = false; break; }
                }
                if (!first) continue;
                int e = i + k;
                while (e < ta.Length && e + d < tb.Length && ta[e].Hash == tb[e + d].Hash) e++;
                int evidence = Evidence(s, e, isFurniture);
                if (_fragmentCount == _fragments.Length) Array.Resize(ref _fragments, _fragments.Length * 2);
                _fragments[_fragmentCount++] = new Fragment(s, s + d, e - s, evidence);
            }
        }
    }

    /// <summary>Tokens of the run [start, end) of A covered by seeds that are neither too frequent nor furniture.</summary>
    private int Evidence(int start, int end, Func<ulong, bool>? isFurniture)
    {
        int k = _options.SeedSize;
        int covered = 0, coveredEnd = start;
        for (int p = start; p + k <= end; p++)
        {
            if (!Seeds(p)) continue;
            if (isFurniture is not null)
            {
                int slot = _slotA[p];
                if (_furniture[slot] == 0) _furniture[slot] = isFurniture(_keys[slot]) ? (byte)1 : (byte)2;
                if (_furniture[slot] == 1) continue;
            }
            covered += p + k - Math.Max(p, coveredEnd);
            coveredEnd = p + k;
        }
        return covered;
    }

    // ---------------------------------------------------------------- chaining

    private void Chain()
    {
        int n = _fragmentCount;
        _fragments.AsSpan(0, n).Sort(new FragmentByPosition());
        EnsureSize(ref _byEnd, n);
        EnsureSize(ref _byEndKey, n);
        EnsureSize(ref _pred, n);
        EnsureSize(ref _clip, n);
        EnsureSize(ref _score, n);
        for (int i = 0; i < n; i++)
        {
            _byEnd[i] = i;
            _byEndKey[i] = _fragments[i].AEnd;
        }
        Array.Sort(_byEndKey, _byEnd, 0, n);

        int maxGap = _options.MaxGap;
        double gapCost = _options.GapCost;
        for (int f = 0; f < n; f++)
        {
            ref readonly Fragment F = ref _fragments[f];
            double best = F.Len;
            int pred = -1, clip = 0;
            int t = LowerBound(_byEndKey, n, F.A - maxGap);
            for (; t < n && _byEndKey[t] <= F.A + maxGap; t++)
            {
                int p = _byEnd[t];
                ref readonly Fragment P = ref _fragments[p];
                if (P.A >= F.A || P.B >= F.B) continue;
                int overlap = Math.Max(0, Math.Max(P.AEnd - F.A, P.BEnd - F.B));
                if (overlap >= F.Len) continue;
                int gapA = F.A + overlap - P.AEnd, gapB = F.B + overlap - P.BEnd;
                if (gapA > maxGap || gapB > maxGap) continue;
                double candidate = _score[p] - gapCost * (gapA + gapB) + (F.Len - overlap);
                if (candidate > best)
                {
                    best = candidate;
                    pred = p;
                    clip = overlap;
                }
            }
            _score[f] = best;
            _pred[f] = pred;
            _clip[f] = clip;
        }
    }

    private static int LowerBound(int[] keys, int n, int value)
    {
        int lo = 0, hi = n;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void ExtractCandidates()
    {
        int n = _fragmentCount;
        EnsureSize(ref _order, n);
        EnsureSize(ref _used, n);
        EnsureSize(ref _chainItems, n);
        for (int i = 0; i < n; i++) { _order[i] = i; _used[i] = false; }
        _order.AsSpan(0, n).Sort(new ByScoreDescending(_score));

        _chainItemCount = 0;
        _candidateCount = 0;
        double gapCost = _options.GapCost;
        int minTokens = _minPassageTokens;
        for (int o = 0; o < n; o++)
        {
            int f = _order[o];
            if (_used[f]) continue;
            int start = _chainItemCount;
            for (int cur = f; cur >= 0 && !_used[cur]; cur = _pred[cur])
            {
                _used[cur] = true;
                _chainItems[_chainItemCount++] = cur;
            }
            int count = _chainItemCount - start;
            _chainItems.AsSpan(start, count).Reverse();

            int evidence = 0;
            double score = 0;
            int prevAEnd = -1, prevBEnd = -1;
            for (int t = start; t < start + count; t++)
            {
                int g = _chainItems[t];
                ref readonly Fragment G = ref _fragments[g];
                int clip = _clip[g];
                int len = G.Len - clip;
                evidence += Math.Min(G.Evidence, len);
                score += len;
                if (prevAEnd >= 0) score -= gapCost * (G.A + clip - prevAEnd + G.B + clip - prevBEnd);
                prevAEnd = G.AEnd;
                prevBEnd = G.BEnd;
            }
            if (evidence < minTokens)
            {
                _chainItemCount = start;
                continue;
            }
            if (_candidateCount == _candidates.Length) Array.Resize(ref _candidates, _candidates.Length * 2);
            _candidates[_candidateCount++] = new Candidate(start, count, score);
        }
    }

    // ---------------------------------------------------------------- overlaps

    private void Resolve()
    {
        _candidates.AsSpan(0, _candidateCount).Sort(new CandidateByScore());
        _workCount = 0;
        _segmentCount = 0;
        for (int c = 0; c < _candidateCount; c++)
        {
            Candidate candidate = _candidates[c];
            int subStart = -1; // index into _chainItems of the open sub-chain's first fragment
            int subEnd = -1;
            int as0 = 0, bs0 = 0, ae = 0, be = 0;
            for (int t = candidate.Offset; t < candidate.Offset + candidate.Count; t++)
            {
                int g = _chainItems[t];
                ref readonly Fragment G = ref _fragments[g];
                int clip = _clip[g];
                int ga = G.A + clip, gb = G.B + clip;
                if (subStart >= 0 && IsFree(ae, G.AEnd, be, G.BEnd))
                {
                    subEnd = t + 1;
                    ae = G.AEnd;
                    be = G.BEnd;
                    continue;
                }
                if (subStart >= 0)
                {
                    // Keep the free head of a fragment that runs into a taken passage.
                    int pre = FreePrefix(ga, gb, G.AEnd - ga, ae, be);
                    if (pre > 0)
                    {
                        _fragments[g] = G with { Len = clip + pre };
                        subEnd = t + 1; ae = ga + pre; be = gb + pre;
                        TryAccept(subStart, subEnd, as0, ae, bs0, be);
                        subStart = -1;
                        continue;
                    }
                    TryAccept(subStart, subEnd, as0, ae, bs0, be);
                }
                subStart = -1;
                if (IsFree(ga, G.AEnd, gb, G.BEnd))
                {
                    subStart = t;
                    subEnd = t + 1;
                    as0 = ga; bs0 = gb; ae = G.AEnd; be = G.BEnd;
                }
                else if (LongestFreeRun(ga, gb, G.AEnd - ga, out int runStart, out int runLen) && runLen >= _options.SeedSize)
                {
                    // A fragment partly inside a taken passage keeps its longest free run instead of being dropped.
                    _clip[g] = clip + runStart;
                    _fragments[g] = G with { Len = clip + runStart + runLen };
                    subStart = t;
                    subEnd = t + 1;
                    as0 = ga + runStart; bs0 = gb + runStart; ae = as0 + runLen; be = bs0 + runLen;
                }
            }
            if (subStart >= 0) TryAccept(subStart, subEnd, as0, ae, bs0, be);
        }
    }

    private bool Blocked(int a, int b)
    {
        for (int w = 0; w < _workCount; w++)
        {
            ref readonly Work W = ref _work[w];
            if ((a >= W.As && a < W.Ae) || (b >= W.Bs && b < W.Be)) return true;
        }
        return false;
    }

    /// <summary>Free tokens of the diagonal run from (a, b) of length len, from its start, given the sub-chain ends at (ae, be).</summary>
    private int FreePrefix(int a, int b, int len, int ae, int be)
    {
        // gap between sub-chain end and fragment start must be free too
        if (!IsFree(ae, a, be, b)) return 0;
        int n = 0;
        while (n < len && !Blocked(a + n, b + n)) n++;
        return n;
    }

    private bool LongestFreeRun(int a, int b, int len, out int start, out int length)
    {
        start = 0; length = 0;
        int run = 0;
        for (int i = 0; i < len; i++)
        {
            if (Blocked(a + i, b + i)) { run = 0; continue; }
            run++;
            if (run > length) { length = run; start = i - run + 1; }
        }
        return length > 0;
    }

    private bool IsFree(int a0, int a1, int b0, int b1)
    {
        for (int w = 0; w < _workCount; w++)
        {
            ref readonly Work W = ref _work[w];
            if (a0 < W.Ae && W.As < a1) return false;
            if (b0 < W.Be && W.Bs < b1) return false;
        }
        return true;
    }

    private void TryAccept(int itemStart, int itemEnd, int @as, int ae, int bs, int be)
    {
        int matched = 0, evidence = 0;
        for (int t = itemStart; t < itemEnd; t++)
        {
            int g = _chainItems[t];
            int len = _fragments[g].Len - _clip[g];
            matched += len;
            evidence += Math.Min(_fragments[g].Evidence, len);
        }
        if (evidence < _minPassageTokens) return;
        if (matched < _options.MinSimilarity * Math.Max(ae - @as, be - bs)) return;

        int segStart = _segmentCount;
        for (int t = itemStart; t < itemEnd; t++)
        {
            int g = _chainItems[t];
            ref readonly Fragment G = ref _fragments[g];
            int clip = _clip[g];
            if (_segmentCount == _segments.Length) Array.Resize(ref _segments, _segments.Length * 2);
            _segments[_segmentCount++] = new Segment(G.A + clip, G.B + clip, G.Len - clip);
        }
        if (_workCount == _work.Length) Array.Resize(ref _work, _work.Length * 2);
        _work[_workCount++] = new Work
        {
            SegmentStart = segStart, SegmentCount = _segmentCount - segStart,
            As = @as, Ae = ae, Bs = bs, Be = be,
        };
    }

    // ---------------------------------------------------------------- edge extension

    private void ExtendAll(ReadOnlySpan<Token> ta, ReadOnlySpan<Token> tb)
    {
        int window = _options.MaxGap;
        if (window == 0) return;
        for (int w = 0; w < _workCount; w++)
        {
            ref Work W = ref _work[w];
            // Backwards, not into another passage.
            int loA = Math.Max(0, W.As - window), loB = Math.Max(0, W.Bs - window);
            int hiA = Math.Min(ta.Length, W.Ae + window), hiB = Math.Min(tb.Length, W.Be + window);
            for (int v = 0; v < _workCount; v++)
            {
                if (v == w) continue;
                ref readonly Work V = ref _work[v];
                if (V.Ae <= W.As) loA = Math.Max(loA, V.Ae);
                if (V.As >= W.Ae) hiA = Math.Min(hiA, V.As);
                if (V.Be <= W.Bs) loB = Math.Max(loB, V.Be);
                if (V.Bs >= W.Be) hiB = Math.Min(hiB, V.Bs);
            }
            if (Extend(ta, tb, W.As, W.Bs, W.As - loA, W.Bs - loB, -1, out int t, out int u))
            {
                W.As -= t;
                W.Bs -= u;
                W.ExtendedStart = true;
            }
            if (Extend(ta, tb, W.Ae, W.Be, hiA - W.Ae, hiB - W.Be, +1, out t, out u))
            {
                W.Ae += t;
                W.Be += u;
                W.ExtendedEnd = true;
            }
        }
    }

    /// <summary>
    /// Aligns up to <paramref name="nA"/> and <paramref name="nB"/> tokens going away from a passage's edge
    /// (backwards from <paramref name="edgeA"/>/<paramref name="edgeB"/> when <paramref name="direction"/> is -1,
    /// forwards from them when +1), anchored at the edge: +1 a match, -1 a mismatch, -0.5 a token skipped. Returns
    /// the extension (<paramref name="t"/>, <paramref name="u"/> tokens) ending on a match with the best score,
    /// when that score is at least 1 with at least two matched tokens. An extension that reaches the first (or last)
    /// token of both texts needs only a score of 0: "Washington (AP) — The Senate" against "Washington (Reuters) — The
    /// Senate" starts both texts with one story's dateline, so the single matched word pays for the swapped one.
    /// </summary>
    private bool Extend(ReadOnlySpan<Token> ta, ReadOnlySpan<Token> tb, int edgeA, int edgeB, int nA, int nB, int direction,
        out int t, out int u)
    {
        t = u = 0;
        if (nA <= 0 || nB <= 0) return false;
        bool reachesBothEnds = direction < 0 ? nA == edgeA && nB == edgeB : edgeA + nA == ta.Length && edgeB + nB == tb.Length;
        int width = nB + 1;
        int cells = (nA + 1) * width;
        EnsureSize(ref _extScore, cells);
        EnsureSize(ref _extMatches, cells);
        double[] h = _extScore;
        int[] m = _extMatches;
        for (int y = 0; y <= nB; y++) { h[y] = -ExtensionGapCost * y; m[y] = 0; }
        double best = 0;
        int bestT = 0, bestU = 0;
        for (int x = 1; x <= nA; x++)
        {
            int row = x * width, prev = row - width;
            h[row] = -ExtensionGapCost * x;
            m[row] = 0;
            ulong hashA = direction < 0 ? ta[edgeA - x].Hash : ta[edgeA + x - 1].Hash;
            for (int y = 1; y <= nB; y++)
            {
                ulong hashB = direction < 0 ? tb[edgeB - y].Hash : tb[edgeB + y - 1].Hash;
                bool equal = hashA == hashB;
                double diag = h[prev + y - 1] + (equal ? 1 : -1);
                double up = h[prev + y] - ExtensionGapCost;
                double left = h[row + y - 1] - ExtensionGapCost;
                if (diag >= up && diag >= left)
                {
                    h[row + y] = diag;
                    m[row + y] = m[prev + y - 1] + (equal ? 1 : 0);
                    if (equal && diag > best && diag >= 1 && m[row + y] >= 2)
                    {
                        best = diag;
                        bestT = x;
                        bestU = y;
                    }
                    else if (equal && bestT == 0 && diag >= 0 && x == nA && y == nB && reachesBothEnds)
                    {
                        bestT = x;
                        bestU = y;
                    }
                }
                else if (up >= left)
                {
                    h[row + y] = up;
                    m[row + y] = m[prev + y];
                }
                else
                {
                    h[row + y] = left;
                    m[row + y] = m[row + y - 1];
                }
            }
        }
        t = bestT;
        u = bestU;
        return bestT > 0;
    }

    // ---------------------------------------------------------------- output

    private Alignment Build(string a, string b, ReadOnlySpan<Token> ta, ReadOnlySpan<Token> tb)
    {
        _work.AsSpan(0, _workCount).Sort(new WorkByStart());
        var cpA = new CodePoints(a);
        var cpB = new CodePoints(b);
        var passages = new Passage[_workCount];
        long coveredA = 0, coveredB = 0;
        var edits = new List<Edit>();
        for (int w = 0; w < _workCount; w++)
        {
            ref readonly Work W = ref _work[w];
            edits.Clear();
            int matched = 0;
            int prevAEnd = -1, prevBEnd = -1;
            int first = W.ExtendedStart ? -1 : 0;
            int last = W.SegmentCount + (W.ExtendedEnd ? 1 : 0);
            for (int s = first; s < last; s++)
            {
                Segment seg = s < 0 ? new Segment(W.As, W.Bs, 1)
                    : s >= W.SegmentCount ? new Segment(W.Ae - 1, W.Be - 1, 1)
                    : _segments[W.SegmentStart + s];
                if (prevAEnd >= 0)
                    matched += AlignGap(a, b, ta, tb, cpA, cpB, prevAEnd, seg.A, prevBEnd, seg.B, edits);
                matched += seg.Len;
                prevAEnd = seg.A + seg.Len;
                prevBEnd = seg.B + seg.Len;
            }
            int aTokens = W.Ae - W.As, bTokens = W.Be - W.Bs;
            coveredA += aTokens;
            coveredB += bTokens;
            int aStart = ta[W.As].Start, aEnd = ta[W.Ae - 1].End, bStart = tb[W.Bs].Start, bEnd = tb[W.Be - 1].End;
            passages[w] = new Passage(
                cpA.Map(aStart), cpA.Map(aEnd), cpB.Map(bStart), cpB.Map(bEnd),
                aStart, aEnd, bStart, bEnd,
                aTokens, bTokens, matched, (double)matched / Math.Max(aTokens, bTokens),
                edits.Count == 0 ? [] : edits.ToArray());
        }
        return new Alignment(passages, (double)coveredA / ta.Length, (double)coveredB / tb.Length, ta.Length, tb.Length);
    }

    /// <summary>
    /// Aligns the gap A[a0, a1) × B[b0, b1) between two matched stretches by a longest common subsequence of
    /// token hashes, appends an edit for each maximal run of unmatched tokens and returns the tokens matched.
    /// </summary>
    private int AlignGap(string a, string b, ReadOnlySpan<Token> ta, ReadOnlySpan<Token> tb, CodePoints cpA, CodePoints cpB,
        int a0, int a1, int b0, int b1, List<Edit> edits)
    {
        int nA = a1 - a0, nB = b1 - b0;
        if (nA == 0 && nB == 0) return 0;
        if (nA == 0 || nB == 0)
        {
            edits.Add(MakeEdit(a, b, ta, tb, cpA, cpB, a0, a1, b0, b1));
            return 0;
        }
        int width = nB + 1;
        EnsureSize(ref _lcs, (nA + 1) * width);
        int[] L = _lcs;
        // L[x, y] = LCS of A[a0 + x ..] and B[b0 + y ..].
        for (int y = 0; y <= nB; y++) L[nA * width + y] = 0;
        for (int x = nA - 1; x >= 0; x--)
        {
            int row = x * width, next = row + width;
            L[row + nB] = 0;
            ulong hashA = ta[a0 + x].Hash;
            for (int y = nB - 1; y >= 0; y--)
                L[row + y] = hashA == tb[b0 + y].Hash ? L[next + y + 1] + 1 : Math.Max(L[next + y], L[row + y + 1]);
        }
        int matched = 0;
        int i = 0, j = 0, runA = 0, runB = 0;
        while (i < nA && j < nB)
        {
            if (ta[a0 + i].Hash == tb[b0 + j].Hash && L[i * width + j] == L[(i + 1) * width + j + 1] + 1)
            {
                if (runA < i || runB < j) edits.Add(MakeEdit(a, b, ta, tb, cpA, cpB, a0 + runA, a0 + i, b0 + runB, b0 + j));
                matched++;
                i++; j++;
                runA = i; runB = j;
            }
            else if (L[(i + 1) * width + j] >= L[i * width + j + 1]) i++;
            else j++;
        }
        if (runA < nA || runB < nB) edits.Add(MakeEdit(a, b, ta, tb, cpA, cpB, a0 + runA, a1, b0 + runB, b1));
        return matched;
    }

    private static Edit MakeEdit(string a, string b, ReadOnlySpan<Token> ta, ReadOnlySpan<Token> tb, CodePoints cpA, CodePoints cpB,
        int a0, int a1, int b0, int b1)
    {
        // An empty side sits at the start of that text's next token (always a matched token inside a passage).
        int aStart = ta[a0].Start, aEnd = a1 > a0 ? ta[a1 - 1].End : aStart;
        int bStart = tb[b0].Start, bEnd = b1 > b0 ? tb[b1 - 1].End : bStart;
        var kind = a1 == a0 ? EditKind.Insert : b1 == b0 ? EditKind.Delete : EditKind.Substitute;
        return new Edit(kind, cpA.Map(aStart), cpA.Map(aEnd), cpB.Map(bStart), cpB.Map(bEnd),
            a.Substring(aStart, aEnd - aStart), b.Substring(bStart, bEnd - bStart));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EnsureSize<T>(ref T[] array, int size)
    {
        if (array.Length < size) array = new T[Math.Max(size, array.Length * 2)];
    }

    // ---------------------------------------------------------------- types

    /// <summary>A maximal run of equal tokens along one diagonal, found from a seed.</summary>
    private readonly record struct Fragment(int A, int B, int Len, int Evidence)
    {
        public int AEnd => A + Len;
        public int BEnd => B + Len;
    }

    /// <summary>Matched tokens A[A, A+Len) = B[B, B+Len) of an accepted passage.</summary>
    private readonly record struct Segment(int A, int B, int Len);

    /// <summary>A chain of fragments: _chainItems[Offset .. Offset+Count), in text order.</summary>
    private readonly record struct Candidate(int Offset, int Count, double Score);

    /// <summary>An accepted passage, in token indices.</summary>
    private struct Work
    {
        public int SegmentStart, SegmentCount, As, Ae, Bs, Be;
        public bool ExtendedStart, ExtendedEnd;
    }

    private readonly struct FragmentByPosition : IComparer<Fragment>
    {
        public int Compare(Fragment x, Fragment y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B);
    }

    private readonly struct ByScoreDescending(double[] score) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int c = score[y].CompareTo(score[x]);
            return c != 0 ? c : x.CompareTo(y);
        }
    }

    private readonly struct CandidateByScore : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y)
        {
            int c = y.Score.CompareTo(x.Score);
            return c != 0 ? c : x.Offset.CompareTo(y.Offset);
        }
    }

    private readonly struct WorkByStart : IComparer<Work>
    {
        public int Compare(Work x, Work y) => x.As.CompareTo(y.As);
    }

    /// <summary>UTF-16 → code point offsets; free for texts without surrogate pairs (the common case).</summary>
    private readonly struct CodePoints(string text)
    {
        private readonly CodePointIndex? _index = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 ? new CodePointIndex(text) : null;

        public int Map(int utf16Offset) => _index is null ? utf16Offset : _index.ToCodePoint(utf16Offset);
    }
}
