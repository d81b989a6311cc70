using System.Collections.Concurrent;
using NearDup.Candidates;
using NearDup.Cluster;
using NearDup.Corpus;
using NearDup.Index;
using NearDup.Sketches;
using NearDup.Sketching;
using NearDup.Verification;

namespace NearDup;

/// <summary>
/// The batch pipeline: read → normalise and sketch (all cores) → candidates (fingerprint index + LSH, furniture
/// learned from document frequency) → exact verification (all cores) → clusters. Deterministic: every stage
/// works in ordinal order or writes into slots indexed by ordinal.
/// </summary>
public sealed class DedupPipeline
{
    private const int BatchSize = 64;
    private readonly NearDupOptions _options;
    private readonly MinHasher _minHasher;
    private readonly LshParameters _lsh;
    private readonly string? _spillDirectory;

    /// <summary>Creates a pipeline; throws <see cref="ArgumentException"/> for options out of range.</summary>
    /// <param name="options">The run's parameters.</param>
    /// <param name="spillDirectory">Where to keep shingles in a temporary file during the run (deleted at the end);
    /// null keeps them in memory, which costs about 4 bytes per word of input.</param>
    public DedupPipeline(NearDupOptions options, string? spillDirectory = null)
    {
        options.Validate();
        _options = options;
        _minHasher = new MinHasher(options.Permutations, options.Seed);
        _lsh = LshParameters.Optimal(options.LshThreshold, options.Permutations);
        _spillDirectory = spillDirectory;
    }

    /// <summary>Runs the pipeline over <paramref name="documents"/>, whose ordinals must count 0, 1, 2, ….</summary>
    /// <param name="documents">The documents, in read order.</param>
    /// <param name="bytesRead">Optional: the input bytes read so far, for progress.</param>
    /// <param name="totalBytes">Optional: the input size in bytes, for progress.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DedupResult Run(IEnumerable<CorpusDocument> documents, Func<long>? bytesRead = null, long? totalBytes = null,
        IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var timer = new StageTimer();
        var sketched = Sketch(documents, bytesRead, totalBytes, progress, cancellationToken);
        timer.Lap("read_sketch");
        try
        {
            var result = Analyse(sketched, progress, cancellationToken);
            result.StageSeconds = [.. timer.Wall, .. result.StageSeconds];
            result.StageCpuSeconds = [.. timer.Cpu, .. result.StageCpuSeconds];
            return result;
        }
        catch
        {
            sketched.Dispose();
            throw;
        }
    }

    /// <summary>Candidates, verification and clustering over already sketched documents.</summary>
    /// <remarks>The result owns <paramref name="corpus"/> and disposes it.</remarks>
    public DedupResult Analyse(SketchedCorpus corpus, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var documents = corpus.Documents;
        var timer = new StageTimer();
        progress?.Report(new PipelineProgress(PipelineStage.Candidates, 0, null, 0, null));
        var candidates = CandidateGenerator.Generate(documents, corpus.Store, _options, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.EffectiveThreads, CancellationToken = cancellationToken };

        timer.Lap("candidates");
        var verdicts = new RelatedPair?[candidates.Pairs.Length];
        long verified = 0;
        Parallel.For(0, (candidates.Pairs.Length + 1023) / 1024, parallel, () => new PairVerifier(_options, corpus.Store, candidates.Furniture), (chunk, _, verifier) =>
        {
            int from = chunk * 1024, to = Math.Min(candidates.Pairs.Length, from + 1024);
            for (int i = from; i < to; i++)
            {
                ulong key = candidates.Pairs[i];
                verdicts[i] = verifier.Verify(documents[(int)(key >> 32)], documents[(int)(uint)key]);
            }
            long done = Interlocked.Add(ref verified, to - from);
            progress?.Report(new PipelineProgress(PipelineStage.Verifying, done, candidates.Pairs.Length, 0, null));
            return verifier;
        }, _ => { });
        var pairs = verdicts.Where(v => v is not null).Select(v => v!).ToList();
        timer.Lap("verify");

        progress?.Report(new PipelineProgress(PipelineStage.Clustering, 0, null, 0, null));
        var clusters = Clusters(documents, pairs);
        timer.Lap("cluster");
        return new DedupResult(corpus, _options, candidates.Furniture, pairs, clusters, candidates.Pairs.Length,
            candidates.FromFingerprints, candidates.FromLsh)
        {
            StageSeconds = timer.Wall,
            StageCpuSeconds = timer.Cpu,
        };
    }

    private List<DuplicateCluster> Clusters(IReadOnlyList<SketchedDocument> documents, List<RelatedPair> pairs)
    {
        var sets = new UnionFind(documents.Count);
        foreach (var pair in pairs)
            if (pair.Relation != Relation.Partial) sets.Union(pair.A, pair.B);
        var clusters = new List<DuplicateCluster>();
        foreach (var members in sets.Components())
        {
            int representative = members[0];
            if (_options.Representative == RepresentativeChoice.Longest)
                foreach (int m in members)
                    if (documents[m].TokenCount > documents[representative].TokenCount) representative = m;
            clusters.Add(new DuplicateCluster(clusters.Count, representative, members));
        }
        return clusters;
    }

    /// <summary>Reads and sketches every document on all cores, keeping read order.</summary>
    public SketchedCorpus Sketch(IEnumerable<CorpusDocument> documents, Func<long>? bytesRead = null, long? totalBytes = null,
        IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        int workers = _options.EffectiveThreads;
        IShingleStore store = _spillDirectory is null ? new InMemoryShingleStore() : new FileShingleStore(_spillDirectory);
        using var batches = new BlockingCollection<(int Index, CorpusDocument[] Docs)>(boundedCapacity: workers * 2);
        var results = new ConcurrentDictionary<int, SketchedDocument[]>();
        long sketchedCount = 0;
        Exception? readerError = null;
        using var stopReader = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var reader = Task.Run(() =>
        {
            try
            {
                int batchIndex = 0;
                var batch = new List<CorpusDocument>(BatchSize);
                long expected = 0;
                foreach (var doc in documents)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (doc.Ordinal != expected)
                        throw new InvalidOperationException($"Document ordinals must count up from 0; got {doc.Ordinal} where {expected} was expected.");
                    if (doc.Ordinal > int.MaxValue - 1) throw new InvalidOperationException("More than 2^31 documents in one run.");
                    expected++;
                    batch.Add(doc);
                    if (batch.Count == BatchSize)
                    {
                        batches.Add((batchIndex++, batch.ToArray()), stopReader.Token);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0) batches.Add((batchIndex, batch.ToArray()), stopReader.Token);
            }
            catch (Exception e)
            {
                readerError = e;
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, CancellationToken.None);

        var consumers = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            consumers[w] = Task.Factory.StartNew(() =>
            {
                var sketcher = new DocumentSketcher(_options, _minHasher, _lsh, store);
                foreach (var (index, docs) in batches.GetConsumingEnumerable(cancellationToken))
                {
                    var output = new SketchedDocument[docs.Length];
                    for (int i = 0; i < docs.Length; i++)
                        output[i] = sketcher.Sketch((int)docs[i].Ordinal, docs[i].Id, docs[i].Text);
                    sketcher.Flush();
                    results[index] = output;
                    long done = Interlocked.Add(ref sketchedCount, docs.Length);
                    progress?.Report(new PipelineProgress(PipelineStage.Sketching, done, null, bytesRead?.Invoke() ?? 0, totalBytes));
                }
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            try
            {
                Task.WaitAll(consumers);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (AggregateException e)
            {
                stopReader.Cancel(); // a failed worker must not leave the reader blocked on a full queue
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            reader.Wait(CancellationToken.None);
            if (readerError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(readerError).Throw();
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        var all = new List<SketchedDocument>((int)sketchedCount);
        for (int i = 0; i < results.Count; i++) all.AddRange(results[i]);
        return new SketchedCorpus(all, store);
    }
}
