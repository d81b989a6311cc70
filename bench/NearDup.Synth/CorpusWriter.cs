using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace NearDup.Synth;

internal static class Ids
{
    /// <summary>"d0000042": zero-padded to at least 7 digits, so ids sort like positions.</summary>
    public static string Format(int pos, int count) =>
        "d" + pos.ToString("D" + Math.Max(7, (count - 1).ToString(CultureInfo.InvariantCulture).Length), CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes corpus.jsonl: chunks of documents are generated in parallel by worker threads and written in order by
/// the calling thread, with at most a few chunks in flight, so memory stays small and the file is identical
/// whatever the thread count.
/// </summary>
internal static class CorpusWriter
{
    private const int ChunkDocs = 512;

    public static long Write(Generator g, Site[] sites, string path, int threads)
    {
        int n = g.Plan.Count;
        int chunks = (n + ChunkDocs - 1) / ChunkDocs;
        int window = Math.Max(4, threads * 3);
        var results = new ByteBuf?[chunks];
        var pool = new ConcurrentBag<ByteBuf>();
        using var slots = new SemaphoreSlim(window);
        int next = 0;
        var gate = new object();
        Exception? failure = null;
        string idFormat = "D" + Math.Max(7, (n - 1).ToString(CultureInfo.InvariantCulture).Length);
        var siteNames = sites.Select(s => Encoding.UTF8.GetBytes(JsonQuoted(s.Name))).ToArray();

        void Work()
        {
            var sc = new Scratch();
            var content = new Content();
            Content Resolve(int p)
            {
                var c = new Content();
                g.Build(p, c, sc, Resolve);
                return c;
            }
            try
            {
                while (true)
                {
                    slots.Wait();
                    int c = Interlocked.Increment(ref next) - 1;
                    if (c >= chunks || Volatile.Read(ref failure) is not null) { slots.Release(); return; }
                    if (!pool.TryTake(out var buf)) buf = new ByteBuf(ChunkDocs * 2600);
                    buf.Clear();
                    int end = Math.Min(n, (c + 1) * ChunkDocs);
                    for (int pos = c * ChunkDocs; pos < end; pos++)
                    {
                        g.Build(pos, content, sc, Resolve);
                        WriteDocument(buf, pos, idFormat, content, g.SiteOf(pos), siteNames[g.Plan.SiteOf[pos]]);
                    }
                    lock (gate)
                    {
                        results[c] = buf;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception ex)
            {
                lock (gate)
                {
                    failure ??= ex;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(Work) { IsBackground = true, Name = $"synth-{t}" };
            workers[t].Start();
        }

        long bytes = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
        {
            for (int c = 0; c < chunks; c++)
            {
                ByteBuf buf;
                lock (gate)
                {
                    while (results[c] is null && failure is null) Monitor.Wait(gate);
                    if (failure is not null) throw new InvalidOperationException("document generation failed", failure);
                    buf = results[c]!;
                    results[c] = null;
                }
                file.Write(buf.Span);
                bytes += buf.Length;
                pool.Add(buf);
                slots.Release();
            }
        }
        foreach (var w in workers) w.Join();
        return bytes;
    }

    private static void WriteDocument(ByteBuf b, int pos, string idFormat, Content content, Site site, byte[] siteName)
    {
        b.Raw("{\"id\":\"d"u8);
        Span<char> id = stackalloc char[16];
        pos.TryFormat(id, out int idLength, idFormat, CultureInfo.InvariantCulture);
        b.Ascii(id[..idLength]);
        b.Raw("\",\"text\":\""u8);
        if (site.Header is not null)
        {
            b.Escaped(site.Header);
            b.Raw("\\n"u8);
        }
        b.Escaped(content.Span);
        if (site.Footer is not null)
        {
            b.Raw("\\n"u8);
            b.Escaped(site.Footer);
        }
        b.Raw("\",\"source\":"u8);
        b.Raw(siteName);
        b.Raw(",\"title\":"u8);
        b.JsonString(content.Title);
        b.Raw("}\n"u8);
    }

    private static string JsonQuoted(string s)
    {
        var b = new ByteBuf(s.Length * 3 + 2);
        b.JsonString(s);
        return Encoding.UTF8.GetString(b.Span);
    }
}
