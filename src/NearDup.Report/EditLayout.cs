namespace NearDup.Report;

/// <summary>Where to show an edit on the side that has no text for it.</summary>
public static class EditLayout
{
    /// <summary>
    /// The UTF-16 offset at which to mark an edit whose range on this side is empty. The aligner puts an empty range
    /// at the start of the next matched token; punctuation and line breaks are not tokens, so that can be the next
    /// line. The mark is moved back over white space (not below <paramref name="floor"/>), so it sits right after
    /// the previous word: "said on Monday.⏎The" against "said.⏎The" marks "said.‸" rather than "‸The".
    /// </summary>
    /// <param name="text">The text of this side.</param>
    /// <param name="offset">The empty range's UTF-16 offset.</param>
    /// <param name="floor">The lowest offset allowed (the end of what was already written).</param>
    public static int EmptySidePoint(string text, int offset, int floor)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = Math.Clamp(offset, 0, text.Length);
        while (at > floor && char.IsWhiteSpace(text[at - 1])) at--;
        return at;
    }
}
