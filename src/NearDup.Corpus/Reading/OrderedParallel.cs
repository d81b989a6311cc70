namespace NearDup.Corpus;

/// <summary>
/// Maps a sequence on the thread pool and yields the results in input order, with at most <c>window</c> items in
/// flight: for per-record work that is heavy next to the reading (HTML extraction). A failure in the map is raised
/// in order, when its item's turn comes, just as a sequential loop would raise it.
/// </summary>
internal static class OrderedParallel
{
    public static IEnumerable<TResult> Map<T, TResult>(IEnumerable<T> items, Func<T, TResult> map, int window)
    {
        if (window <= 1)
        {
            foreach (var item in items) yield return map(item);
            yield break;
        }
        var pending = new Queue<Task<TResult>>();
        foreach (var item in items)
        {
            pending.Enqueue(Task.Run(() => map(item)));
            if (pending.Count >= window) yield return Await(pending.Dequeue());
        }
        while (pending.Count > 0) yield return Await(pending.Dequeue());
    }

    // GetResult rethrows the map's own exception (not an AggregateException), with its stack trace.
    private static TResult Await<TResult>(Task<TResult> task) => task.GetAwaiter().GetResult();
}
