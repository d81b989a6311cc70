using System.Runtime.InteropServices;
using NearDup.Candidates;
using NearDup.Index;
using NearDup.Sketches;
using NearDup.Sketching;
using NearDup.Verification;

namespace NearDup.Indexing;

/// <summary>A verified match of a query against an indexed document.</summary>
/// <param name="Id">The indexed document's id.</param>
/// <param name="Relation">The relation from the query's side (<c>Contained</c>: the query is mostly inside the document).</param>
/// <param name="Resemblance">Jaccard of the content shingles.</param>
/// <param name="ContainmentQueryInDocument">Share of the query's content found in the document.</param>
/// <param name="ContainmentDocumentInQuery">Share of the document's content found in the query.</param>
/// <param name="SharedWords">Words in reused passages.</param>
public sealed record IndexMatch(string Id, Relation Relation, double Resemblance, double ContainmentQueryInDocument,
    double ContainmentDocumentInQuery, int SharedWords);

/// <summary>
/// "Have we seen this, or part of it, before?" as documents stream in: documents are added one at a time and any
/// text can be queried against all of them, with the same sketches, candidates (passage fingerprints and LSH
/// bands), furniture test and exact verification as a batch run. In memory; thread-safe (many queries, one writer).
/// </summary>
public sealed class IncrementalIndex : IDisposable
{
    private readonly NearDupOptions _options;
    private readonly MinHasher _minHasher;
    private readonly LshParameters _lsh;
    private readonly InMemoryShingleStore _store = new();
    private readonly List<SketchedDocument> _documents = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, List<int>> _fingerprintPostings = [];
    private readonly Dictionary<uint, List<int>>[] _bandPostings;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly ThreadLocal<(DocumentSketcher Sketcher, PairVerifier Verifier, InMemoryShingleStore QueryStore)> _workers;
    private readonly DocumentSketcher _addSketcher; // used under the write lock only
    private int _queryNumber = 1;

    /// <summary>Creates an empty index.</summary>
    public IncrementalIndex(NearDupOptions? options = null)
    {
        _options = options ?? new NearDupOptions();
        _options.Validate();
        _minHasher = new MinHasher(_options.Permutations, _options.Seed);
        _lsh = LshParameters.Optimal(_options.LshThreshold, _options.Permutations);
        _bandPostings = Enumerable.Range(0, _lsh.Bands).Select(_ => new Dictionary<uint, List<int>>()).ToArray();
        _addSketcher = new DocumentSketcher(_options, _minHasher, _lsh, _store);
        _workers = new ThreadLocal<(DocumentSketcher, PairVerifier, InMemoryShingleStore)>(() =>
        {
            var queryStore = new InMemoryShingleStore();
            return (new DocumentSketcher(_options, _minHasher, _lsh, queryStore), new PairVerifier(_options, _store, FurnitureModel.None), queryStore);
        });
    }

    /// <summary>The number of indexed documents.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _documents.Count; } finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds a document. Throws <see cref="ArgumentException"/> for an id already indexed.</summary>
    public void Add(string id, string text)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_ids.ContainsKey(id)) throw new ArgumentException($"Document id \"{id}\" is already in the index.", nameof(id));
            int ordinal = _documents.Count;
            var document = _addSketcher.Sketch(ordinal, id, text);
            _addSketcher.Flush();
            _documents.Add(document);
            _ids[id] = ordinal;
            foreach (uint fp in document.Fingerprints) Postings(_fingerprintPostings, fp).Add(ordinal);
            if (document.ShingleCount > 0)
                for (int band = 0; band < _bandPostings.Length; band++) Postings(_bandPostings[band], document.BandKeys[band]).Add(ordinal);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The indexed documents that <paramref name="text"/> duplicates, contains, is contained in or partly reuses,
    /// best first (most shared words, then resemblance, then earliest added).</summary>
    public IReadOnlyList<IndexMatch> Query(string text, int maxResults = 20)
    {
        var (sketcher, verifier, queryStore) = _workers.Value;
        int queryOrdinal = -1 - Interlocked.Increment(ref _queryNumber); // never an indexed ordinal, never the "empty" marker
        var query = sketcher.Sketch(queryOrdinal, "", text);
        sketcher.Flush();
        try
        {
            _lock.EnterReadLock();
            try
            {
                var (candidates, furniture) = Candidates(query);
                var matches = new List<IndexMatch>();
                foreach (int ordinal in candidates)
                {
                    var document = _documents[ordinal];
                    var pair = verifier.Verify(query, queryStore, document, _store, furniture);
                    if (pair is null) continue;
                    matches.Add(new IndexMatch(document.Id, pair.Relation, pair.Resemblance, pair.ContainmentAInB, pair.ContainmentBInA, pair.SharedWords));
                }
                return matches.OrderByDescending(m => m.SharedWords).ThenByDescending(m => m.Resemblance)
                    .ThenBy(m => _ids[m.Id]).Take(maxResults).ToList();
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        finally
        {
            queryStore.Clear(); // the query's shingles are not kept
        }
    }

    private (List<int> Candidates, FurnitureModel Furniture) Candidates(SketchedDocument query)
    {
        var shared = new Dictionary<int, int>();
        var furnitureFingerprints = new List<(uint, int, int)>();
        var runs = new FurnitureModel.CommonRunReader(_store);
        foreach (uint fp in query.Fingerprints)
        {
            if (!_fingerprintPostings.TryGetValue(fp, out var carriers)) continue;
            var span = CollectionsMarshal.AsSpan(carriers);
            // The batch run's furniture test, on the indexed documents that carry the fingerprint.
            if (FurnitureModel.IsFurniture(fp, span, _documents, _options, runs, out var learnFrom))
            {
                furnitureFingerprints.Add((fp, learnFrom.A, learnFrom.B));
                continue;
            }
            // An oversized group of copies (as in the batch run's candidate pairs) answers with its hub only.
            if (span.Length > _options.MaxPostings) { int hub = FurnitureModel.Hub(span, _documents, _options); shared[hub] = shared.GetValueOrDefault(hub) + 1; }
            else foreach (int d in span) shared[d] = shared.GetValueOrDefault(d) + 1;
        }
        var candidates = shared.Where(p => p.Value >= _options.MinSharedFingerprints).Select(p => p.Key).ToHashSet();
        if (query.ShingleCount > 0)
            for (int band = 0; band < _bandPostings.Length; band++)
                if (_bandPostings[band].TryGetValue(query.BandKeys[band], out var docs))
                {
                    if (docs.Count <= _options.MaxPostings) candidates.UnionWith(docs);
                    else candidates.Add(FurnitureModel.Hub(CollectionsMarshal.AsSpan(docs), _documents, _options));
                }
        var furniture = furnitureFingerprints.Count == 0 ? FurnitureModel.None : FurnitureModel.Learn(furnitureFingerprints, i => _documents[i], _store);
        return (candidates.Order().ToList(), furniture);
    }

    private static List<int> Postings(Dictionary<uint, List<int>> postings, uint key)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(postings, key, out _);
        return list ??= new List<int>(2);
    }

    /// <summary>Releases the index's memory.</summary>
    public void Dispose()
    {
        _store.Dispose();
        _workers.Dispose();
        _lock.Dispose();
    }
}
