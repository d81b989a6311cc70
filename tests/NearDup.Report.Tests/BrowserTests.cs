using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NearDup.Report.Tests;

/// <summary>A test that needs Debian's Chromium at /usr/bin/chromium: skipped with a message naming it when absent.
/// (The root ./test script installs it first when it can.)</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
            Skip = $"needs {Executable} (Debian's chromium package: apt-get install chromium); not found, so skipped";
    }
}

/// <summary>
/// Opens a compare --html page in headless Chromium through Playwright (Playwright's own browser download is not
/// used: it launches Debian's chromium) and checks what a reader sees: passages highlighted on both sides, and a
/// click on a passage in A scrolling its twin in B into view. Saves screenshots as test artifacts.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    [ChromiumFact]
    public async Task Clicking_a_passage_in_A_scrolls_its_twin_in_B_into_view_and_both_sides_are_highlighted()
    {
        // B opens with a long story of its own, so its copy of the shared paragraph starts far below the fold.
        var words = new Words(5);
        string a = "Opening of A. " + words.Sentence(25) + "\n" + CompareTests.SharedA + ".\n" + words.Paragraphs(2, 30) +
                   "\n<img src=x onerror=\"alert('injected')\">";
        string b = words.Paragraphs(30, 40) + "\n" + CompareTests.SharedB + ".\n" + words.Sentence(20);
        string page = Path.Combine(_dir.Path, "compare.html");
        var (exit, _, stderr) = Cli.Run("compare", _dir.File("a.txt", a), _dir.File("b.txt", b), "--html", page);
        Assert.True(exit == 0, stderr);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var tab = await context.NewPageAsync();
        var requests = new List<string>();
        var problems = new List<string>();
        tab.Request += (_, r) => requests.Add(r.Url);
        tab.Dialog += (_, d) => { problems.Add("dialog: " + d.Message); _ = d.DismissAsync(); };
        tab.PageError += (_, e) => problems.Add("script error: " + e);
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        // Highlighted on both sides: a passage background that is not transparent.
        foreach (string id in new[] { "a1", "b1" })
        {
            string background = await tab.EvalOnSelectorAsync<string>("#" + id, "el => getComputedStyle(el).backgroundColor");
            output.WriteLine($"#{id} background {background}");
            Assert.NotEqual("rgba(0, 0, 0, 0)", background);
            Assert.NotEqual("transparent", background);
        }
        const string TwinVisible = """
            () => {
              const pane = document.getElementById('text-b'), first = document.getElementById('b1').getClientRects()[0];
              const p = pane.getBoundingClientRect();
              return first.top >= p.top && first.bottom <= p.bottom && first.bottom <= window.innerHeight;
            }
            """;
        Assert.False(await tab.EvaluateAsync<bool>(TwinVisible), "B's passage should start out of view");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("compare.png") });

        // Click the first line of A's passage (an inline span's bounding box may include text outside it).
        var point = await tab.EvaluateAsync<double[]>("""
            () => { const r = document.getElementById('a1').getClientRects()[0]; return [r.left + Math.min(40, r.width / 2), r.top + r.height / 2]; }
            """);
        await tab.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await tab.WaitForFunctionAsync(TwinVisible, null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        int scrollTop = await tab.EvaluateAsync<int>("() => document.getElementById('text-b').scrollTop");
        output.WriteLine($"B's pane scrolled to {scrollTop}px");
        Assert.True(scrollTop > 300, $"scrollTop {scrollTop}");
        Assert.True(await tab.EvaluateAsync<bool>("() => document.getElementById('b1').classList.contains('flash')"), "the twin flashes");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("compare-after-click.png") });

        // Self-contained and inert: one request (the page itself), no dialog from the injected markup, no script error.
        Assert.Equal([new Uri(page).AbsoluteUri], requests);
        Assert.Empty(problems);
        Console.WriteLine($"screenshots: {Artifact("compare.png")}, {Artifact("compare-after-click.png")}");
    }

    [ChromiumFact]
    public async Task The_report_index_table_sorts_when_a_header_is_clicked()
    {
        string report = Path.Combine(_dir.Path, "report");
        var (exit, _, stderr) = Cli.Run("dedup", TestPaths.Sample, "--out", Path.Combine(_dir.Path, "out"), "--progress", "None", "--no-copy", "--report", report);
        Assert.True(exit == 0, stderr);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable, Headless = true, Args = ChromiumArgs, Timeout = 60_000,
        });
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await tab.GotoAsync(new Uri(Path.Combine(report, "index.html")).AbsoluteUri);
        const string Column = "() => Array.from(document.querySelectorAll('#pairs tbody tr')).map(r => parseFloat(r.cells[4].dataset.v))";
        await tab.ClickAsync("#pairs th:nth-child(5)"); // resemblance: largest first
        var first = await tab.EvaluateAsync<double[]>(Column);
        Assert.Equal(first.OrderByDescending(x => x), first);
        await tab.ClickAsync("#pairs th:nth-child(5)");
        var second = await tab.EvaluateAsync<double[]>(Column);
        Assert.Equal(second.Order(), second);
        Assert.Equal("ascending", await tab.GetAttributeAsync("#pairs th:nth-child(5)", "aria-sort"));
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("report-index.png"), FullPage = true });
        Console.WriteLine($"screenshot: {Artifact("report-index.png")}");
    }

    private string Artifact(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        output.WriteLine($"artifact: {path}");
        return path;
    }
}
