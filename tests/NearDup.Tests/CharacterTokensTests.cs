using NearDup.Corpus;
using NearDup.Quality;

namespace NearDup.Tests;

/// <summary><c>--tokens Characters</c> (<see cref="NearDupOptions.ForCharacters"/>): every letter a token, for OCR text.</summary>
public class CharacterTokensTests
{
    private static DedupResult Run(NearDupOptions options, params (string Id, string Text)[] docs) =>
        new DedupPipeline(options).Run(docs.Select((d, i) => new CorpusDocument(i, d.Id, d.Text, new SourceLocation("test"))));

    private static (string, string)[] Corpus(double rate)
    {
        string story = string.Join("\n", new TextMaker(41).Paragraphs(6));
        var docs = new List<(string, string)> { ("original", story), ("scanned", "PAGE 4 THE DAILY TRIBUNE\n" + OcrEvaluation.Damage(story, rate, seed: 7)) };
        for (int i = 0; i < 8; i++) docs.Add(($"other-{i}", string.Join("\n", new TextMaker(600 + i).Paragraphs(5))));
        return [.. docs];
    }

    [Fact]
    public void A_badly_scanned_copy_is_found_on_letters_where_words_fail_and_unrelated_articles_stay_apart()
    {
        var docs = Corpus(rate: 0.06);
        var letters = Run(new NearDupOptions().ForCharacters(), docs);
        var pair = Assert.Single(letters.Pairs);
        Assert.Equal(("original", "scanned"), (letters.Documents[pair.A].Id, letters.Documents[pair.B].Id));
        Assert.True(pair.Resemblance > 0.2, $"resemblance {pair.Resemblance}");

        // Words break at every misread letter: the same copy is not found on word shingles.
        Assert.Empty(Run(new NearDupOptions(), docs).Pairs);
    }

    [Fact]
    public void Letter_lengths_matter_word_sized_thresholds_on_letters_pair_unrelated_articles()
    {
        // The control for the defaults ForCharacters sets: on letters with the word-sized passage and shared-text
        // thresholds (12 and 25 tokens, i.e. a few letters), chance runs pair unrelated articles.
        var docs = Corpus(rate: 0.06);
        var wordSized = new NearDupOptions().ForCharacters() with { ShingleSize = 5, WinnowWindow = 8, MinPassageTokens = 12, MinSharedWords = 25 };
        var result = Run(wordSized, docs);
        Assert.Contains(result.Pairs, p => result.Documents[p.A].Id.StartsWith("other") && result.Documents[p.B].Id.StartsWith("other"));
    }
}
