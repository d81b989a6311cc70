using NearDup.Quality;

namespace NearDup.Tests;

/// <summary>The README's quality figures, held as regression guards on the labelled sets in ../shared/data.</summary>
public class SharedDataTests
{
    private static string Data(string name) => TestPaths.SharedFile("data", name);

    [SharedDataFact("data/clough-stevenson-short-answers")]
    public void Clough_answers_rank_by_containment_in_their_source()
    {
        var result = Evaluations.Clough(Data("clough-stevenson-short-answers"), new NearDupOptions());
        // Measured: verifier containment (5-shingles) 0.9624, 0.9816 without the two unsourced cut answers;
        // the aligner's containment by shared 3-token runs 0.9642 / 0.9938.
        Assert.True(result.Auc >= 0.96 && result.AucWithoutUnsourced >= 0.98, result.Report);
        Assert.True(result.SharedRunAuc >= 0.96 && result.SharedRunAucWithoutUnsourced >= 0.99, result.Report);
        var m = result.MeanContainment;
        Assert.True(m["cut"] > m["light"] && m["light"] > m["heavy"] && m["heavy"] > m["non"], result.Report);
        Assert.True(m["non"] < 0.01, result.Report);
    }

    [SharedDataFact("data/pan13-text-alignment-subset")]
    public void Pan_labelled_reuse_pairs_are_all_found()
    {
        var result = Evaluations.Pan(Data("pan13-text-alignment-subset"), new NearDupOptions());
        Assert.Equal(500, result.Labelled);
        Assert.True(result.LabelledFound >= 495, result.Report);
    }

    [SharedDataFact("data/news-story-chains-energy")]
    public void Story_chain_articles_are_flagged_only_when_they_share_text()
    {
        var result = Evaluations.StoryChains(Data("news-story-chains-energy"), new NearDupOptions());
        Assert.Equal(0, result.FlaggedDifferentStory);
        Assert.InRange(result.FlaggedSameStory, 50, 88);
    }
}
