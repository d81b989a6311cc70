using System.Globalization;

namespace NearDup.Synth;

internal sealed class Options
{
    public int Docs { get; set; } = -1;
    public ulong Seed { get; set; } = 1;
    public string? Out { get; set; }
    public int Sites { get; set; } = 20;
    public bool Plain { get; set; }
    public double DuplicateFraction { get; set; } = 0.10;
    public double ContainedFraction { get; set; } = 0.05;
    public double PartialFraction { get; set; } = 0.05;
    public double OcrFraction { get; set; } = 0.15;
    public int Vocabulary { get; set; } = 20_000;
    public double ParagraphMean { get; set; } = 2.6;
    public int Threads { get; set; } = Environment.ProcessorCount;

    public const string Usage = """
        NearDup.Synth — deterministic synthetic news corpus with planted text reuse.

        usage: dotnet run -c Release --project bench/NearDup.Synth -- --docs N --seed S --out DIR [options]

          --docs N            documents to write (required)
          --seed S            seed (default 1); same seed and options give byte-identical output
          --out DIR           output folder (created): corpus.jsonl, truth.jsonl, truth-summary.json
          --footer-sites K    number of sites (default 20); ~60% carry a fixed footer, ~30% a header line
          --plain             clean mode: no headers/footers, no OCR noise, straight quotes and US spelling
                              everywhere (copies differ by word edits, case and headlines only)
          --dup F             share of all documents that are near-duplicate copies (default 0.10)
          --contained F       share that are abridged (contained) copies (default 0.05)
          --partial F         share that are partial reprints (default 0.05)
          --ocr F             share of near-duplicate copies with OCR-style noise (default 0.15)
          --vocab V           vocabulary size (default 20000)
          --threads T         worker threads (default: all cores); does not change the output
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string Value()
            {
                if (i + 1 >= args.Length) throw new ArgumentException($"{a} needs a value");
                return args[++i];
            }
            double Fraction()
            {
                string v = Value();
                if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) || f < 0 || f > 1)
                    throw new ArgumentException($"{a} must be a number from 0 to 1, not '{v}'");
                return f;
            }
            int Int(int min)
            {
                string v = Value();
                if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min)
                    throw new ArgumentException($"{a} must be an integer of at least {min}, not '{v}'");
                return n;
            }
            switch (a)
            {
                case "--docs": o.Docs = Int(1); break;
                case "--seed":
                    string s = Value();
                    if (!ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed))
                        throw new ArgumentException($"--seed must be a non-negative integer, not '{s}'");
                    o.Seed = seed;
                    break;
                case "--out": o.Out = Value(); break;
                case "--footer-sites": case "--sites": o.Sites = Int(1); break;
                case "--plain": o.Plain = true; break;
                case "--dup": case "--duplicate": o.DuplicateFraction = Fraction(); break;
                case "--contained": o.ContainedFraction = Fraction(); break;
                case "--partial": o.PartialFraction = Fraction(); break;
                case "--ocr": o.OcrFraction = Fraction(); break;
                case "--vocab": o.Vocabulary = Int(500); break;
                case "--threads": o.Threads = Int(1); break;
                case "-h": case "--help": throw new HelpRequested();
                default: throw new ArgumentException($"unknown option '{a}'");
            }
        }
        if (o.Docs < 0) throw new ArgumentException("--docs is required");
        if (string.IsNullOrEmpty(o.Out)) throw new ArgumentException("--out is required");
        if (o.Sites > ushort.MaxValue) throw new ArgumentException("--footer-sites is at most 65535");
        return o;
    }
}

internal sealed class HelpRequested : Exception;
