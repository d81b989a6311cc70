using NearDup.Indexing;

namespace NearDup.Tests;

public class IncrementalIndexTests
{
    private const string Footer = "Subscribe to the Valley Courier newsletter for the day's top stories delivered to your inbox every morning. " +
        "Copyright 2024 Valley Courier Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Advertisement";

    private static IncrementalIndex Build(out string[][] stories)
    {
        var index = new IncrementalIndex();
        stories = Enumerable.Range(0, 60).Select(i => new TextMaker(1000 + i).Paragraphs(5)).ToArray();
        for (int i = 0; i < stories.Length; i++)
            index.Add($"story-{i}", string.Join("\n", stories[i]) + (i % 3 == 0 ? "\n" + Footer : ""));
        return index;
    }

    [Fact]
    public void A_partial_reprint_streaming_in_finds_its_source()
    {
        using var index = Build(out var stories);
        var own = new TextMaker(77);
        string reprint = string.Join("\n", own.Paragraphs(2).Concat(stories[17].Skip(1).Take(2)).Concat(own.Paragraphs(2)));
        var match = Assert.Single(index.Query(reprint));
        Assert.Equal("story-17", match.Id);
        Assert.Equal(Relation.Partial, match.Relation);
        Assert.InRange(match.SharedWords, 60, 140);
    }

    [Fact]
    public void A_story_stored_more_often_than_the_posting_cap_is_still_found_while_a_footer_as_common_is_not()
    {
        using var index = new IncrementalIndex(new NearDupOptions { MaxPostings = 8 });
        var story = new TextMaker(7).Paragraphs(5);
        for (int i = 0; i < 20; i++) index.Add($"copy-{i:00}", new TextMaker(500 + i).Sentence() + "\n" + string.Join("\n", story));
        for (int i = 0; i < 12; i++) index.Add($"site-{i:00}", string.Join("\n", new TextMaker(100 + i).Paragraphs(4)) + "\n" + Footer);

        var matches = index.Query("A new opening line.\n" + string.Join("\n", story));
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.StartsWith("copy-", m.Id));
        Assert.Equal(Relation.Duplicate, matches[0].Relation);
        Assert.Empty(index.Query(string.Join("\n", new TextMaker(999).Paragraphs(3)) + "\n" + Footer));
    }

    [Fact]
    public void A_copy_is_a_duplicate_and_an_excerpt_is_contained()
    {
        using var index = Build(out var stories);
        var dup = Assert.Single(index.Query(string.Join("\n", stories[40]).Replace(" ka ", " ke ")));
        Assert.Equal(("story-40", Relation.Duplicate), (dup.Id, dup.Relation));
        var excerpt = Assert.Single(index.Query(string.Join("\n", stories[5].Take(2))));
        Assert.Equal(("story-5", Relation.Contained), (excerpt.Id, excerpt.Relation));
        Assert.True(excerpt.ContainmentQueryInDocument > 0.9);
    }

    [Fact]
    public void Unrelated_text_and_a_shared_footer_match_nothing()
    {
        using var index = Build(out _);
        Assert.Empty(index.Query(string.Join("\n", new TextMaker(5555).Paragraphs(4))));
        // Twenty indexed stories carry the footer: it is furniture, so a new story with it is not their reprint.
        Assert.Empty(index.Query(string.Join("\n", new TextMaker(5556).Paragraphs(4)) + "\n" + Footer));
        Assert.Equal(60, index.Count);
    }

    [Fact]
    public void A_passage_quoted_inside_many_indexed_articles_is_reuse_but_the_same_passage_as_their_footer_is_not()
    {
        const string quote = "The regional water authority said on Tuesday that the new treatment plant at Mill Creek would double the supply " +
            "to the northern districts by next summer, and that household bills would not rise to pay for it.";
        using var inBody = new IncrementalIndex();
        using var asFooter = new IncrementalIndex();
        for (int i = 0; i < 8; i++)
        {
            var own = new TextMaker(300 + i).Paragraphs(4);
            inBody.Add($"outlet-{i}", string.Join("\n", own.Take(2)) + "\n" + quote + "\n" + string.Join("\n", own.Skip(2)));
            asFooter.Add($"outlet-{i}", string.Join("\n", own) + "\n" + quote);
        }
        var mine = new TextMaker(999).Paragraphs(4);
        var matches = inBody.Query(string.Join("\n", mine.Take(2)) + "\n" + quote + "\n" + string.Join("\n", mine.Skip(2)));
        Assert.Equal(8, matches.Count);
        Assert.All(matches, m => Assert.Equal(Relation.Partial, m.Relation));
        Assert.Empty(asFooter.Query(string.Join("\n", mine) + "\n" + quote));
    }

    [Fact]
    public void Adding_the_same_id_twice_is_refused()
    {
        using var index = new IncrementalIndex();
        index.Add("a", "some text that is long enough to shingle");
        Assert.Throws<ArgumentException>(() => index.Add("a", "other text"));
    }

    [Fact]
    public void Queries_agree_with_the_batch_pipeline()
    {
        using var index = Build(out var stories);
        string reprint = string.Join("\n", stories[8].Take(4)) + "\n" + new TextMaker(31).Paragraph();
        var fromIndex = Assert.Single(index.Query(reprint));

        var docs = stories.Select((s, i) => string.Join("\n", s) + (i % 3 == 0 ? "\n" + Footer : "")).Append(reprint)
            .Select((t, i) => new Corpus.CorpusDocument(i, i < stories.Length ? $"story-{i}" : "query", t, new Corpus.SourceLocation("t"))).ToList();
        using var batch = new DedupPipeline(new NearDupOptions()).Run(docs);
        var pair = Assert.Single(batch.Pairs);
        Assert.Equal("story-8", batch.Documents[pair.A].Id);
        Assert.Equal(pair.Resemblance, fromIndex.Resemblance, 6);
        Assert.Equal(pair.SharedWords, fromIndex.SharedWords);
    }
}
