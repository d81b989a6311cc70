using NearDup.Corpus;

namespace NearDup.Tests;

public class PipelineTests
{
    private static List<CorpusDocument> Docs(params (string Id, string Text)[] docs) =>
        docs.Select((d, i) => new CorpusDocument(i, d.Id, d.Text, new SourceLocation("test"))).ToList();

    private static DedupResult Run(IEnumerable<CorpusDocument> docs, NearDupOptions? options = null) =>
        new DedupPipeline(options ?? new NearDupOptions()).Run(docs);

    private static RelatedPair? Pair(DedupResult result, string a, string b) =>
        result.Pairs.SingleOrDefault(p => result.Documents[p.A].Id == a && result.Documents[p.B].Id == b);

    private const string Footer = "Subscribe to the Valley Courier newsletter for the day's top stories delivered to your inbox every morning. " +
        "Copyright 2024 Valley Courier Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Advertisement";

    [Fact]
    public void Unrelated_articles_sharing_a_long_footer_are_not_paired_but_a_reprint_with_the_footer_is()
    {
        var docs = new List<(string, string)>();
        for (int i = 0; i < 8; i++)
            docs.Add(($"site-{i}", string.Join("\n", new TextMaker(100 + i).Paragraphs(4)) + "\n" + Footer));
        // A reprint of site-3 on the same site: same story, light edits, same footer.
        var original = new TextMaker(103).Paragraphs(4);
        docs.Add(("site-3-reprint", "New opening line for the reprint.\n" + string.Join("\n", original).Replace(" ka ", " ko ") + "\n" + Footer));
        var result = Run(Docs(docs.ToArray()));

        Assert.True(result.FurnitureFingerprints > 0, "the shared footer should be learned as furniture");
        var pair = Assert.Single(result.Pairs);
        Assert.Equal("site-3", result.Documents[pair.A].Id);
        Assert.Equal("site-3-reprint", result.Documents[pair.B].Id);
        Assert.Equal(Relation.Duplicate, pair.Relation);
    }

    [Fact]
    public void Without_furniture_learning_the_footer_would_pair_unrelated_articles()
    {
        // The control for the test above: the trap is real, so the test above can fail.
        var docs = Enumerable.Range(0, 8).Select(i => ($"site-{i}", string.Join("\n", new TextMaker(100 + i).Paragraphs(4)) + "\n" + Footer)).ToArray();
        var result = Run(Docs(docs), new NearDupOptions { FurnitureMinDocuments = 1000 });
        Assert.NotEmpty(result.Pairs);
        Assert.All(result.Pairs, p => Assert.Equal(Relation.Partial, p.Relation));
    }

    private const string PressRelease = "The regional water authority said on Tuesday that the new treatment plant at Mill Creek would " +
        "double the supply to the northern districts by next summer, and that household bills would not rise to pay for it. " +
        "Engineers expect the first stage to open in March, once the pipeline under the river has passed its pressure tests.";

    [Fact]
    public void A_passage_quoted_inside_many_unrelated_articles_is_reuse_not_furniture()
    {
        // Churnalism: eight outlets drop one press-release paragraph into otherwise different articles. Many unrelated
        // documents share it, as with a footer, but it sits in their bodies, so every pair is partial reuse.
        var docs = new List<(string, string)>();
        for (int i = 0; i < 8; i++)
        {
            var own = new TextMaker(300 + i).Paragraphs(4);
            docs.Add(($"outlet-{i}", string.Join("\n", own.Take(2)) + "\n" + PressRelease + "\n" + string.Join("\n", own.Skip(2))));
        }
        var result = Run(Docs(docs.ToArray()));

        Assert.Equal(0, result.FurnitureFingerprints);
        Assert.Equal(8 * 7 / 2, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.Equal(Relation.Partial, p.Relation));
        Assert.All(result.Pairs, p => Assert.InRange(p.SharedWords, 45, 60)); // the paragraph's 52 words, give or take an edge

        // The control: so many carriers make it boilerplate wherever it sits.
        var capped = Run(Docs(docs.ToArray()), new NearDupOptions { FurnitureMinDocumentsInBody = 8 });
        Assert.True(capped.FurnitureFingerprints > 0);
        Assert.Empty(capped.Pairs);
    }

    [Fact]
    public void The_same_passage_closing_unrelated_articles_is_furniture_even_before_a_varying_last_line()
    {
        // At the end of each article (then a dateline that differs per page) the paragraph is a footer.
        var docs = new List<(string, string)>();
        for (int i = 0; i < 8; i++)
            docs.Add(($"outlet-{i}", string.Join("\n", new TextMaker(300 + i).Paragraphs(4)) + "\n" + PressRelease + $"\nPosted {i + 3} March by desk editor number {i * 7 + 1}."));
        var result = Run(Docs(docs.ToArray()));

        Assert.True(result.FurnitureFingerprints > 0);
        Assert.Empty(result.Pairs);
    }

    [Fact]
    public void A_story_syndicated_to_many_sites_is_one_cluster_not_furniture()
    {
        var story = new TextMaker(7).Paragraphs(5);
        var docs = new List<(string, string)>();
        for (int i = 0; i < 12; i++)
        {
            var own = new TextMaker(500 + i);
            docs.Add(($"copy-{i:00}", own.Sentence() + "\n" + string.Join("\n", story.Take(5 - i % 2)) + "\n" + own.Sentence()));
        }
        for (int i = 0; i < 5; i++) docs.Add(($"other-{i}", string.Join("\n", new TextMaker(900 + i).Paragraphs(4))));
        var result = Run(Docs(docs.ToArray()));

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(12, cluster.Members.Length);
        Assert.Equal(66, result.Pairs.Count);
        Assert.Equal(0, result.FurnitureFingerprints);
        Assert.Equal(17 - 11, result.KeptCount);
    }

    [Fact]
    public void A_story_copied_more_often_than_the_posting_cap_is_still_one_cluster_while_a_footer_as_common_is_furniture()
    {
        // MaxPostings bounds the pairs one shared fingerprint (or LSH bucket) may create. Past it, a group is still
        // tested for coherence: copies of one story link to the group's first carrier (a star, linear in the group),
        // while unrelated pages sharing a footer are furniture. The same shape at full scale: a wire story reprinted
        // by more than 1,000 outlets, or a boilerplate page repeated thousands of times in a crawl.
        const int Cap = 8, Copies = 20;
        var story = new TextMaker(7).Paragraphs(5);
        var docs = new List<(string, string)>();
        for (int i = 0; i < Copies; i++)
        {
            var own = new TextMaker(500 + i);
            docs.Add(($"copy-{i:00}", own.Sentence() + "\n" + string.Join("\n", story.Take(5 - i % 2)) + "\n" + own.Sentence()));
        }
        for (int i = 0; i < 12; i++) docs.Add(($"site-{i:00}", string.Join("\n", new TextMaker(100 + i).Paragraphs(4)) + "\n" + Footer));
        var result = Run(Docs(docs.ToArray()), new NearDupOptions { MaxPostings = Cap });

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(Copies, cluster.Members.Length);
        Assert.All(cluster.Members, m => Assert.StartsWith("copy-", result.Documents[m].Id));
        Assert.True(result.FurnitureFingerprints > 0, "the footer, in 12 unrelated pages (> the cap), is furniture");
        Assert.All(result.Pairs, p => Assert.StartsWith("copy-", result.Documents[p.A].Id));
        // Linear, not quadratic: every copy is paired, with far fewer than the 190 pairs of all copies.
        Assert.InRange(result.Pairs.Count, Copies - 1, Copies * (Copies - 1) / 2 - 1);
        Assert.Equal(12 + 1, result.KeptCount);
    }

    [Fact]
    public void A_sentence_both_articles_repeat_counts_once_in_shared_words()
    {
        // Two unrelated articles that share one 15-word sentence, each restating it (lede and body): 15 shared words,
        // under the 25 a partial reprint needs, although the sentence's two runs per document hold 30 words.
        var shared = new TextMaker(31).Sentence(15);
        string Article(int seed)
        {
            var maker = new TextMaker(seed);
            return string.Join("\n", [shared, .. maker.Paragraphs(3), shared, .. maker.Paragraphs(3)]);
        }
        var result = Run(Docs(("first", Article(32)), ("second", Article(33))));
        var scores = result.CreateVerifier().Measure(result.Documents[0], result.Documents[1]);
        Assert.Equal(15, scores.SharedWords);
        Assert.Empty(result.Pairs);

        // The control: a 30-word passage shared once is partial reuse.
        var passage = new TextMaker(34).Sentence(30);
        string Reprint(int seed)
        {
            var maker = new TextMaker(seed);
            return string.Join("\n", [.. maker.Paragraphs(3), passage, .. maker.Paragraphs(3)]);
        }
        var control = Run(Docs(("first", Reprint(35)), ("second", Reprint(36))));
        var pair = Assert.Single(control.Pairs);
        Assert.Equal(Relation.Partial, pair.Relation);
        Assert.Equal(30, pair.SharedWords);
    }

    [Fact]
    public void Abridged_copy_is_contained_and_partial_reprint_is_partial()
    {
        var maker = new TextMaker(21);
        var paragraphs = maker.Paragraphs(8);
        var other = new TextMaker(22);
        string full = string.Join("\n", paragraphs);
        string abridged = string.Join("\n", paragraphs.Where((_, i) => i % 2 == 0));
        string partial = string.Join("\n", other.Paragraphs(3).Concat(paragraphs.Skip(2).Take(2)).Concat(other.Paragraphs(3)));
        var result = Run(Docs(("full", full), ("abridged", abridged), ("partial", partial)));

        var contained = Pair(result, "full", "abridged");
        Assert.NotNull(contained);
        Assert.Equal(Relation.Contains, contained.Relation);
        Assert.True(contained.ContainmentBInA > 0.9);
        var reprint = Pair(result, "full", "partial");
        Assert.NotNull(reprint);
        Assert.Equal(Relation.Partial, reprint.Relation);
        Assert.InRange(reprint.SharedWords, 60, 140);
        Assert.Single(result.Clusters);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var maker = new TextMaker(1);
        var bases = Enumerable.Range(0, 300).Select(_ => maker.Paragraphs(3)).ToArray();
        var docs = new List<(string, string)>();
        for (int i = 0; i < 300; i++)
        {
            docs.Add(($"d{i}", string.Join("\n", bases[i])));
            if (i % 7 == 0) docs.Add(($"d{i}-copy", string.Join("\n", bases[i].Take(2)) + "\n" + maker.Paragraph()));
        }
        string Render(DedupResult r) => string.Join("\n", r.Pairs.Select(p => $"{p}")) + string.Join("\n", r.Clusters.Select(c => string.Join(",", c.Members)));
        var one = Run(Docs(docs.ToArray()), new NearDupOptions { Threads = 1 });
        var two = Run(Docs(docs.ToArray()), new NearDupOptions { Threads = 2 });
        Assert.Equal(Render(one), Render(two));
        Assert.Equal(43, one.Pairs.Count);
    }

    [SharedDataFact("examples")]
    public void The_real_reprint_pair_is_reported_as_partial_reuse()
    {
        string a = File.ReadAllText(TestPaths.SharedFile("examples", "000_516bbe01d6261196.txt"));
        string b = File.ReadAllText(TestPaths.SharedFile("examples", "001_f6d1ff49064b0f58.txt"));
        var result = Run(Docs(("000", a), ("001", b)));
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(Relation.Partial, pair.Relation);
        // Eight shared paragraphs of about 30 words each.
        Assert.InRange(pair.SharedWords, 200, 320);
        Assert.InRange(pair.Resemblance, 0.25, 0.5);
        Assert.True(pair.ContainmentBInA > pair.ContainmentAInB, "001 is the one mostly made of 000's text");
        Assert.Empty(result.Clusters);
    }
}
