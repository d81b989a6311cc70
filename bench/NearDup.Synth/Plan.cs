namespace NearDup.Synth;

internal enum Role : byte { Base, Duplicate, Contained, Partial }

/// <summary>
/// Who is what, decided up front and cheaply (sequentially, from one generator): each position's role, the
/// position it is derived from, its group (the base story and everything derived from it), its site, and for
/// near-duplicates the word 5-gram Jaccard the copy aims at. Positions are a random permutation, except that
/// inside a group the base comes first and every copy comes after the copy it was made from.
/// </summary>
internal sealed class Plan
{
    public required int Count { get; init; }
    public required Role[] Roles { get; init; }
    public required int[] Sources { get; init; }
    public required int[] Groups { get; init; }
    public required ushort[] SiteOf { get; init; }
    public required float[] TargetJaccard { get; init; }
    /// <summary>Members of each group, ascending positions; member 0 is the base.</summary>
    public required int[][] GroupMembers { get; init; }

    public static Plan Build(Options o, Site[] sites)
    {
        var rng = new Rng(Rng.Mix(o.Seed, 0x91A4));
        int n = o.Docs;
        double totalFraction = o.DuplicateFraction + o.ContainedFraction + o.PartialFraction;
        double scale = totalFraction > 0.6 ? 0.6 / totalFraction : 1.0;
        int nDup = (int)Math.Round(n * o.DuplicateFraction * scale);
        int nCont = (int)Math.Round(n * o.ContainedFraction * scale);
        int nPart = (int)Math.Round(n * o.PartialFraction * scale);
        if (n - nDup - nCont - nPart < 1) { nDup = nCont = nPart = 0; }
        int nBase = n - nDup - nCont - nPart;

        // Virtual documents: 0..nBase-1 are bases, derived ones are numbered from nBase in creation order.
        var role = new Role[n];
        var source = new int[n];
        var target = new float[n];
        var group = new int[n];
        Array.Fill(source, -1);
        Array.Fill(group, -1);
        var members = new List<List<int>>();
        var dupGroups = new List<int>();
        int nextBase = 0, nextDerived = nBase;

        int NewGroup()
        {
            int b = nextBase++;
            group[b] = members.Count;
            members.Add([b]);
            return members.Count - 1;
        }
        int AddDerived(int g, Role r, int src, float t)
        {
            int v = nextDerived++;
            role[v] = r; source[v] = src; target[v] = t; group[v] = g;
            members[g].Add(v);
            return v;
        }

        // Syndication clusters: a base with 1–5 near-duplicate copies, some of them copies of copies.
        int dupLeft = nDup;
        while (dupLeft > 0)
        {
            if (nextBase >= nBase && members.Count > 0) { AttachDuplicate(rng.Next(members.Count)); continue; }
            int g = NewGroup();
            dupGroups.Add(g);
            double roll = rng.NextDouble();
            int k = roll < 0.55 ? 1 : roll < 0.75 ? 2 : roll < 0.87 ? 3 : roll < 0.95 ? 4 : 5;
            k = Math.Min(k, dupLeft);
            var copies = new List<int>();
            for (int j = 0; j < k; j++)
            {
                int src = members[g][0];
                float t = k == 1 ? (float)rng.Uniform(0.52, 0.95) : (float)rng.Uniform(0.72, 0.96);
                if (copies.Count > 0 && rng.Chance(0.3))
                {
                    var parents = copies.Where(c => target[c] >= 0.75f).ToList();
                    if (parents.Count > 0)
                    {
                        src = parents[rng.Next(parents.Count)];
                        t = (float)rng.Uniform(0.8, 0.95);
                    }
                }
                copies.Add(AddDerived(g, Role.Duplicate, src, t));
            }
            dupLeft -= k;
        }

        void AttachDuplicate(int g)
        {
            AddDerived(g, Role.Duplicate, members[g][0], (float)rng.Uniform(0.72, 0.96));
            dupLeft--;
        }

        // Abridged copies and partial reprints: of a fresh base, or joining an existing cluster.
        for (int i = 0; i < nCont; i++)
        {
            int g = nextBase < nBase && (members.Count == 0 || !rng.Chance(0.25)) ? NewGroup() : rng.Next(members.Count);
            AddDerived(g, Role.Contained, members[g][0], 0);
        }
        for (int i = 0; i < nPart; i++)
        {
            int g = nextBase < nBase && (members.Count == 0 || !rng.Chance(0.2)) ? NewGroup() : rng.Next(members.Count);
            AddDerived(g, Role.Partial, members[g][0], 0);
        }

        // Positions: a random permutation, then inside each group the earliest positions go to the earliest-made members.
        var posOf = new int[n];
        for (int i = 0; i < n; i++) posOf[i] = i;
        rng.Shuffle(posOf);
        var groupMembers = new int[members.Count][];
        for (int g = 0; g < members.Count; g++)
        {
            var m = members[g];
            var positions = m.Select(v => posOf[v]).ToArray();
            Array.Sort(positions);
            for (int j = 0; j < m.Count; j++) posOf[m[j]] = positions[j];
            groupMembers[g] = positions;
        }

        var plan = new Plan
        {
            Count = n,
            Roles = new Role[n],
            Sources = new int[n],
            Groups = new int[n],
            SiteOf = new ushort[n],
            TargetJaccard = new float[n],
            GroupMembers = groupMembers,
        };
        for (int v = 0; v < n; v++)
        {
            int p = posOf[v];
            plan.Roles[p] = role[v];
            plan.Sources[p] = source[v] >= 0 ? posOf[source[v]] : -1;
            plan.Groups[p] = group[v];
            plan.TargetJaccard[p] = target[v];
        }

        // Sites: bases by site weight; copies usually appear on another site than the one they copy.
        double[] cumulative = new double[sites.Length];
        double acc = 0;
        for (int s = 0; s < sites.Length; s++) cumulative[s] = acc += sites[s].Weight;
        ushort PickSite()
        {
            double u = rng.NextDouble() * acc;
            int i = Array.BinarySearch(cumulative, u);
            if (i < 0) i = ~i;
            return (ushort)Math.Min(i, sites.Length - 1);
        }
        for (int v = 0; v < nBase; v++) plan.SiteOf[posOf[v]] = PickSite();
        // Derived docs in creation order, so a source's site is known before its copies'.
        for (int v = nBase; v < n; v++)
        {
            int p = posOf[v];
            int src = plan.Sources[p];
            ushort s = PickSite();
            if (sites.Length > 1 && rng.Chance(0.85))
                while (s == plan.SiteOf[src]) s = PickSite();
            else if (sites.Length > 1 && rng.Chance(0.5))
                s = plan.SiteOf[src];
            plan.SiteOf[p] = s;
        }
        return plan;
    }
}
