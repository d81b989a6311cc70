using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NearDup.Corpus.Tests;

/// <summary>
/// The JSONL fast path (<see cref="FlatJsonRecordScanner"/>) must give exactly the reader's record whenever it decides
/// a line, and must leave to the reader every line the reader refuses, so errors keep their wording.
/// </summary>
public class FlatJsonScannerTests
{
    private static readonly JsonlRecordParser Parser = new(new CorpusOptions());

    private static void AssertSameAsReader(string line, bool expectFastPath)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        bool fast = Parser.TryScanFlat(bytes, out var fastRecord);
        bool reader = Parser.TryParseWithReader(bytes, out var readerRecord, out var problem);
        Assert.True(expectFastPath == fast, $"fast path {(fast ? "decided" : "declined")}: {line}");
        if (fast)
        {
            Assert.True(reader, $"the fast path accepted a line the reader refuses ({problem.Detail}): {line}");
            Assert.Equal(readerRecord, fastRecord);
        }
    }

    [Theory]
    [InlineData("""{"id":"a","text":"plain words"}""")]
    [InlineData("""  { "id" : "a" , "text" : "spaced" }  """)]
    [InlineData("{\"id\":\"a\",\t\"text\":\"tab\"}")]
    [InlineData("""{"id":"a","text":"line one\nline two \"quoted\" back\\slash \/ \b\f\r\t"}""")]
    [InlineData("""{"id":"a","text":"caf\u00e9 \u20AC \ud83d\ude00 \u0000"}""")]
    [InlineData("""{"id":"a","text":"Urdu اردو and 漢字 raw"}""")]
    [InlineData("""{"id":42,"text":"number id"}""")]
    [InlineData("""{"id":-1.5e+10,"text":"number id kept as written"}""")]
    [InlineData("""{"id":0,"text":"zero"}""")]
    [InlineData("""{"id":"a","text":"t","title":"T","url":"u","date":"2026-01-01","source":"s"}""")]
    [InlineData("""{"id":"a","text":"t","title":5,"url":null,"date":true,"source":false}""")]
    [InlineData("""{"id":"a","text":"first","text":"second"}""")]
    [InlineData("""{"id":"a","text":"t","title":"kept","title":7}""")]
    [InlineData("""{"id":null,"text":null}""")]
    [InlineData("""{"other":"x\"y","n":3,"b":true,"z":null,"id":"a","text":"t"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"text":"no id"}""")]
    public void Flat_records_are_decided_and_equal_the_readers(string line) => AssertSameAsReader(line, expectFastPath: true);

    [Theory]
    [InlineData("""{"id":"a","text":"t","meta":{"k":1}}""")]          // nested object
    [InlineData("""{"id":"a","text":"t","tags":["x"]}""")]            // array
    [InlineData("""{"id":"a","te\u0078t":"escaped key"}""")]          // escaped key
    [InlineData("""{"id":"a","text":"lone \ud800 half"}""")]          // lone high surrogate
    [InlineData("""{"id":"a","text":"lone \udc00 half"}""")]          // lone low surrogate
    [InlineData("""{"id":"a","text":"bad \x escape"}""")]
    [InlineData("""{"id":"a","text":"short \u12 escape"}""")]
    [InlineData("""{"id":"a","text":"t",}""")]                        // trailing comma
    [InlineData("""{"id":"a","text":"t"} x""")]                       // content after the object
    [InlineData("""{"id":"a","text":"t"}{"id":"b"}""")]
    [InlineData("""{"id":"a" "text":"t"}""")]                         // missing comma
    [InlineData("""{"id":"a","text":"unterminated}""")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\"")]                          // unterminated object
    [InlineData("""{"id":01,"text":"leading zero"}""")]
    [InlineData("""{"id":1.,"text":"bare point"}""")]
    [InlineData("""{"id":-,"text":"bare minus"}""")]
    [InlineData("""{"id":12ab,"text":"junk after number"}""")]
    [InlineData("""{"id":true,"text":"boolean id"}""")]
    [InlineData("""{"id":"a","text":5}""")]
    [InlineData("""{"id":"a","text":nul}""")]
    [InlineData("""{"id":"a","text":nullx}""")]
    [InlineData("""{"id":"a",/*c*/"text":"comment"}""")]
    [InlineData("""{'id':'a'}""")]
    [InlineData("""["id","a"]""")]
    [InlineData("""not json""")]
    [InlineData("")]
    public void Anything_else_is_left_to_the_reader(string line) => AssertSameAsReader(line, expectFastPath: false);

    [Fact]
    public void A_raw_control_character_inside_a_string_is_left_to_the_reader() =>
        AssertSameAsReader("{\"id\":\"a\",\"text\":\"tab\tinside\"}", expectFastPath: false);

    /// <summary>
    /// Random records written by System.Text.Json (escaping everything non-ASCII, or nothing it need not), then
    /// randomly damaged: wherever the fast path decides, it must agree with the reader; wherever the reader refuses,
    /// the fast path must not have decided. Seeded, so a failure reproduces.
    /// </summary>
    [Fact]
    public void Random_records_and_damaged_lines_agree_with_the_reader()
    {
        var random = new Random(20261123);
        string[] pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u0001", "\u001f", "é", "€", "اردو", "漢", "😀", "\u2028", "<", "&", "'", "0", "-"];
        var encoders = new[]
        {
            new JsonSerializerOptions(),
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        };
        string RandomString()
        {
            var sb = new StringBuilder();
            int n = random.Next(0, 12);
            for (int i = 0; i < n; i++) sb.Append(pieces[random.Next(pieces.Length)]);
            return sb.ToString();
        }
        object RandomValue() => random.Next(6) switch
        {
            0 => random.Next(-1000, 1000),
            1 => random.NextDouble() * 1e6,
            2 => random.Next(2) == 0,
            3 => (object)null!,
            _ => RandomString(),
        };

        const string Damage = "{}[]\",:\\ -0en9ut";
        int decided = 0, declined = 0;
        for (int round = 0; round < 20_000; round++)
        {
            var record = new Dictionary<string, object?>();
            string[] keys = ["id", "text", "title", "url", "date", "source", "other", "text"];
            int fields = random.Next(0, 7);
            for (int f = 0; f < fields; f++) record[keys[random.Next(keys.Length)]] = RandomValue();
            if (random.Next(3) > 0) record["text"] = RandomString();
            string line = JsonSerializer.Serialize(record, encoders[random.Next(encoders.Length)]);
            var bytes = Encoding.UTF8.GetBytes(line).ToList();
            if (random.Next(2) == 0)
            {
                int at = random.Next(bytes.Count + 1);
                switch (random.Next(3))
                {
                    case 0 when at < bytes.Count: bytes.RemoveAt(at); break;
                    case 1: bytes.Insert(at, (byte)Damage[random.Next(Damage.Length)]); break;
                    default: if (at < bytes.Count) bytes[at] = (byte)random.Next(0x20, 0x7f); break;
                }
            }
            var span = bytes.ToArray();
            if (!Utf8.IsValid(span)) continue; // the caller only ever passes valid UTF-8
            bool fast = Parser.TryScanFlat(span, out var fastRecord);
            bool reader = Parser.TryParseWithReader(span, out var readerRecord, out var problem);
            string shown = Encoding.UTF8.GetString(span);
            if (fast)
            {
                decided++;
                Assert.True(reader, $"the fast path accepted a line the reader refuses ({problem.Detail}): {shown}");
                Assert.True(readerRecord.Equals(fastRecord), $"records differ for: {shown}");
            }
            else declined++;
        }
        // Both branches must be exercised for the comparison to mean anything.
        Assert.True(decided > 5_000, $"only {decided} lines took the fast path");
        Assert.True(declined > 1_000, $"only {declined} lines were left to the reader");
    }
}
