namespace NearDup.Align.Tests;

/// <summary>Hand-written, unrelated news-like paragraphs: no two share a stretch of more than a few words.</summary>
public static class Fixtures
{
    public const string Harbour =
        "Dock workers at the northern harbour walked off the job early on Monday after talks over night-shift pay collapsed, " +
        "leaving dozens of container ships anchored offshore. Union leaders said the strike would continue until the port " +
        "authority agreed to restore the allowance that was cut last spring.";

    public const string Orchestra =
        "The city orchestra will open its winter season with a programme of rarely performed Scandinavian symphonies, its new " +
        "conductor announced at a packed rehearsal. Tickets for the first three concerts sold out within hours, and a fourth " +
        "evening has been added to meet demand from students and pensioners.";

    public const string Drought =
        "Farmers in the eastern valleys are bracing for a third consecutive dry summer, with reservoir levels already below " +
        "half their usual volume. Agricultural officials have urged growers to switch to drip irrigation and to delay planting " +
        "thirsty crops such as rice and sugar cane until the monsoon arrives.";

    public const string Satellite =
        "A weather satellite built by a consortium of universities reached orbit on Thursday aboard a small commercial rocket. " +
        "Engineers confirmed that its solar panels had unfolded and that the first images of cloud formations over the ocean " +
        "were expected to reach ground stations by the weekend.";

    public const string Football =
        "The home side came from two goals down to snatch a dramatic draw in stoppage time, keeping alive their slim hopes of " +
        "avoiding relegation. Their veteran striker, playing his final season, headed in the equaliser from a corner and was " +
        "mobbed by teammates and supporters who spilled onto the pitch.";

    public const string Library =
        "Volunteers have spent eight months restoring the flood-damaged archive of the old county library, drying thousands of " +
        "maps, letters and parish registers page by page. Historians describe the collection as irreplaceable because many of " +
        "its records were never copied or photographed.";

    public const string Vaccine =
        "Health authorities began a door-to-door vaccination drive in remote mountain districts where clinics are scarce and " +
        "roads are often blocked by landslides. Mobile teams carrying cold boxes on mules aim to reach every child under five " +
        "before the rainy season makes the tracks impassable.";

    public const string Bridge =
        "Engineers inspecting the century-old suspension bridge found corroded cables and recommended closing it to heavy " +
        "lorries with immediate effect. The regional council said repairs could take two years and would cost far more than " +
        "the sum set aside in this year's infrastructure budget.";
}
