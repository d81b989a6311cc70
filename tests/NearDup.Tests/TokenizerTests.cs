using NearDup.Text;

namespace NearDup.Tests;

public class TokenizerTests
{
    private static Token[] Tokens(string text, TokenizerOptions? options = null)
    {
        var list = new TokenList();
        Tokenizer.Tokenize(text, options ?? TokenizerOptions.Default, list);
        return list.Span.ToArray();
    }

    private static string[] Surface(string text, TokenizerOptions? options = null) =>
        Tokens(text, options).Select(t => text.Substring(t.Start, t.Length)).ToArray();

    [Fact]
    public void Offsets_point_back_into_the_original_text()
    {
        const string text = "  ISLAMABAD: Pakistan’s “negotiated settlement” — war-battered, 85 percent.";
        Assert.Equal(["ISLAMABAD", "Pakistan’s", "negotiated", "settlement", "war", "battered", "85", "percent"], Surface(text));
    }

    [Fact]
    public void Case_quotes_and_apostrophes_fold_to_the_same_hash()
    {
        var curly = Tokens("Pakistan’s Foreign Minister");
        var straight = Tokens("PAKISTAN'S foreign minister");
        Assert.Equal(curly.Select(t => t.Hash), straight.Select(t => t.Hash));
    }

    [Fact]
    public void Nfkc_folds_compatibility_forms()
    {
        // "ﬁ" ligature and full-width Latin letters are the same words as their plain forms.
        Assert.Equal(Tokens("financial ＡＢＣ").Select(t => t.Hash), Tokens("ﬁnancial ABC").Select(t => t.Hash));
        // Precomposed é equals e + combining acute.
        Assert.Equal(Tokens("café")[0].Hash, Tokens("cafe\u0301")[0].Hash);
    }

    [Fact]
    public void Different_words_hash_differently()
    {
        var hashes = Tokens("minister ministers mahmood mehmood the a").Select(t => t.Hash).ToArray();
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Scripts_without_spaces_give_one_token_per_character()
    {
        const string text = "北京是中国的首都。Tokyo東京";
        Assert.Equal(["北", "京", "是", "中", "国", "的", "首", "都", "Tokyo", "東", "京"], Surface(text));
    }

    [Fact]
    public void Devanagari_words_keep_their_vowel_signs()
    {
        const string text = "भारत की राजधानी नई दिल्ली है";
        Assert.Equal(["भारत", "की", "राजधानी", "नई", "दिल्ली", "है"], Surface(text));
    }

    [Fact]
    public void Urdu_and_Arabic_letter_variants_and_harakat_fold()
    {
        // Urdu keheh/farsi-yeh against Arabic kaf/yeh, and a word with and without harakat.
        Assert.Equal(Tokens("پاکستانی")[0].Hash, Tokens("پاكستاني")[0].Hash);
        Assert.Equal(Tokens("مُحَمَّد")[0].Hash, Tokens("محمد")[0].Hash);
        Assert.Equal(["وزیر", "خارجہ", "شاہ", "محمود", "قریشی"], Surface("وزیر خارجہ شاہ محمود قریشی"));
    }

    [Fact]
    public void Surrogate_pairs_stay_whole_and_code_point_offsets_match_python()
    {
        const string text = "𝐀𝐁 emoji 😀 word";
        var tokens = Tokens(text);
        Assert.Equal(["𝐀𝐁", "emoji", "word"], tokens.Select(t => text.Substring(t.Start, t.Length)));
        var index = new CodePointIndex(text);
        // In Python, "𝐀𝐁 emoji 😀 word".index("word") == 11.
        Assert.Equal(11, index.ToCodePoint(tokens[2].Start));
        Assert.Equal(3, index.ToCodePoint(tokens[1].Start));
    }

    [Fact]
    public void Stem_prefix_merges_inflections_and_spellings()
    {
        var options = new TokenizerOptions { StemPrefix = 6 };
        Assert.Equal(Tokens("emphasized", options)[0].Hash, Tokens("emphasised", options)[0].Hash);
        Assert.NotEqual(Tokens("emphasized")[0].Hash, Tokens("emphasised")[0].Hash);
    }

    [Fact]
    public void Character_unit_drops_spaces_so_ocr_splits_do_not_matter()
    {
        var options = new TokenizerOptions { Unit = TokenUnit.Characters };
        Assert.Equal(Tokens("exam ple text", options).Select(t => t.Hash), Tokens("example-text", options).Select(t => t.Hash));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void The_ascii_fast_path_and_the_general_path_agree(int stemPrefix)
    {
        // Straight apostrophes stay on the ASCII fast path; curly ones and the ligature take the general path.
        var options = new TokenizerOptions { StemPrefix = stemPrefix };
        Assert.Equal(Tokens("Pakistan's don't emphasized final", options).Select(t => t.Hash),
                     Tokens("Pakistan’s don’t emphasized ﬁnal", options).Select(t => t.Hash));
    }
}

public class TokenizerPathTests
{
    private static readonly string[] Pieces =
    [
        "the", "Minister", "Qureshi", "2026", "A", "emphasised", "internationalisation", "counterrevolutionaries",
        "Pakistan's", "Pakistan’s", "don't", "café", "naïve", "ﬁnal", "ＡＢＣ", "مُحَمَّد", "पाकिस्तान", "北京大学",
        "Ł", "x1", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "rock'n'roll", "'quoted'",
    ];

    private static readonly string[] Separators = [" ", "  ", ", ", ". ", "\n", "—", "-", "“", "”", "\"", "(", ")", "’", "'", "\u00A0", "\t"];

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 5)]
    [InlineData(4, 12)]
    public void The_vectorised_path_gives_the_scalar_paths_tokens_and_hashes(int seed, int stemPrefix)
    {
        var random = new Random(seed);
        var options = new TokenizerOptions { StemPrefix = stemPrefix };
        for (int round = 0; round < 300; round++)
        {
            var text = new System.Text.StringBuilder();
            int words = random.Next(1, 40);
            for (int w = 0; w < words; w++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
                // Glue pieces now and then, so words end on every kind of neighbour (apostrophes, non-ASCII letters).
                if (random.Next(5) > 0) text.Append(Separators[random.Next(Separators.Length)]);
            }
            string s = text.ToString();
            var vectorised = new TokenList();
            var scalar = new TokenList();
            Tokenizer.Tokenize(s, options, vectorised, vectorised: true);
            Tokenizer.Tokenize(s, options, scalar, vectorised: false);
            Assert.True(vectorised.Span.SequenceEqual(scalar.Span), $"tokens differ for: {s}");
        }
    }

    [Fact]
    public void A_short_word_hashes_like_the_same_word_taken_by_the_general_path()
    {
        // "minister " takes the vectorised path; "minister’" ends on a curly apostrophe and takes the scalar one;
        // "Minister" inside a non-ASCII run takes the general (normalising) path.
        var list = new TokenList();
        Tokenizer.Tokenize("minister of the interior  ", TokenizerOptions.Default, list, vectorised: true);
        ulong fast = list.Span[0].Hash;
        Tokenizer.Tokenize("minister’", TokenizerOptions.Default, list, vectorised: true);
        Assert.Equal(fast, list.Span[0].Hash);
        Tokenizer.Tokenize("ＭＩＮＩＳＴＥＲ", TokenizerOptions.Default, list, vectorised: true);
        Assert.Equal(fast, list.Span[0].Hash);
    }
}
