using System.Text;
using NearDup.Text;

namespace NearDup.Align.Tests;

public static class Tok
{
    public static int Count(string text, TokenizerOptions? options = null)
    {
        var list = new TokenList();
        Tokenizer.Tokenize(text, options ?? TokenizerOptions.Default, list);
        return list.Count;
    }
}
