namespace NearDup.Sketching;

/// <summary>The sketches of a whole read: the documents in ordinal order and the store holding their shingles.</summary>
public sealed class SketchedCorpus(IReadOnlyList<SketchedDocument> documents, IShingleStore store) : IDisposable
{
    /// <summary>The documents, indexed by ordinal.</summary>
    public IReadOnlyList<SketchedDocument> Documents { get; } = documents;

    /// <summary>Their shingles.</summary>
    public IShingleStore Store { get; } = store;

    /// <summary>Releases the shingle store (and deletes its file, if any).</summary>
    public void Dispose() => Store.Dispose();
}
