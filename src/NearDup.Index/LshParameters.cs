namespace NearDup.Index;

/// <summary>
/// LSH banding: a signature of <c>Bands × Rows</c> MinHash values is cut into bands; two documents become
/// candidates when any band matches entirely. A pair of resemblance <c>s</c> is caught with probability
/// <c>1 − (1 − s^r)^b</c>, an S-curve whose steep part sits near <c>(1/b)^(1/r)</c>.
/// </summary>
public sealed record LshParameters(int Bands, int Rows)
{
    /// <summary>The permutations the banding uses (the rest of a longer signature is ignored).</summary>
    public int Permutations => Bands * Rows;

    /// <summary>The probability that a pair of resemblance <paramref name="s"/> shares at least one band.</summary>
    public double CandidateProbability(double s) => 1 - Math.Pow(1 - Math.Pow(s, Rows), Bands);

    /// <summary>The resemblance at which the S-curve is steepest, about <c>(1/b)^(1/r)</c>.</summary>
    public double ApproximateThreshold => Math.Pow(1.0 / Bands, 1.0 / Rows);

    /// <summary>Area under the S-curve below <paramref name="threshold"/>: how much dissimilar pairs leak in.</summary>
    public double FalsePositiveArea(double threshold) => Integrate(CandidateProbability, 0, threshold);

    /// <summary>Area above the S-curve from <paramref name="threshold"/> to 1: how much similar pairs are missed.</summary>
    public double FalseNegativeArea(double threshold) => Integrate(s => 1 - CandidateProbability(s), threshold, 1);

    /// <summary>
    /// Chooses bands and rows for <paramref name="permutations"/> permutations by minimising the weighted sum of
    /// the false-positive and false-negative areas around <paramref name="threshold"/> (the method datasketch uses).
    /// NearDup weights misses more than extra candidates, because every candidate is verified exactly anyway.
    /// </summary>
    public static LshParameters Optimal(double threshold, int permutations, double falsePositiveWeight = 0.1, double falseNegativeWeight = 0.9)
    {
        if (threshold is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must lie strictly between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 2);
        LshParameters best = new(permutations, 1);
        double bestError = double.MaxValue;
        for (int bands = 1; bands <= permutations; bands++)
        {
            int maxRows = permutations / bands;
            for (int rows = 1; rows <= maxRows; rows++)
            {
                var candidate = new LshParameters(bands, rows);
                double error = falsePositiveWeight * candidate.FalsePositiveArea(threshold)
                             + falseNegativeWeight * candidate.FalseNegativeArea(threshold);
                if (error < bestError)
                {
                    bestError = error;
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static double Integrate(Func<double, double> f, double from, double to)
    {
        const int Steps = 200; // Simpson's rule; the integrands are smooth
        if (to <= from) return 0;
        double h = (to - from) / Steps;
        double sum = f(from) + f(to);
        for (int i = 1; i < Steps; i++) sum += f(from + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
