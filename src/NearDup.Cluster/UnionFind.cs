namespace NearDup.Cluster;

/// <summary>Disjoint sets over 0..n-1 with path halving and union by size.</summary>
public sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    /// <summary>Creates <paramref name="count"/> singleton sets.</summary>
    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (int i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    /// <summary>The number of elements.</summary>
    public int Count => _parent.Length;

    /// <summary>The representative of <paramref name="x"/>'s set.</summary>
    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    /// <summary>Merges the sets of <paramref name="a"/> and <paramref name="b"/>; returns false when they were one set already.</summary>
    public bool Union(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb) return false;
        if (_size[ra] < _size[rb]) (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        _size[ra] += _size[rb];
        return true;
    }

    /// <summary>The sets with more than one member, each sorted ascending, ordered by their smallest member.</summary>
    public List<int[]> Components()
    {
        var byRoot = new Dictionary<int, List<int>>();
        for (int i = 0; i < _parent.Length; i++)
        {
            int root = Find(i);
            if (_size[root] < 2) continue;
            if (!byRoot.TryGetValue(root, out var members)) byRoot[root] = members = new List<int>();
            members.Add(i);
        }
        var result = byRoot.Values.Select(m => m.ToArray()).ToList();
        result.Sort((x, y) => x[0].CompareTo(y[0]));
        return result;
    }
}
