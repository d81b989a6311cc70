using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace NearDup.Corpus;

/// <summary>
/// A Parquet file: one document per row, id/text/metadata columns found by name, read one row group at a time so
/// only one row group's columns are in memory. The id column may hold strings or integers.
/// </summary>
internal sealed class ParquetInputReader(CorpusInput input, ReadSession session) : InputReader(input, session)
{
    // Parquet.Net reads many small pieces (footer, page headers), so unlike JSONL it benefits from a stream buffer.
    private const int StreamBufferSize = 1 << 16;

    public override IEnumerable<CorpusDocument> Read()
    {
        var file = Input.Files[0];
        using var stream = OpenFile(file.Path, StreamBufferSize);
        var reader = Open(stream, file.Path);
        try
        {
            var columns = ResolveColumns(reader.Schema, file.Path);
            long totalRows = reader.Metadata?.NumRows ?? 0;
            long rowBase = 0;
            long reportedBytes = 0;
            for (int group = 0; group < reader.RowGroupCount; group++)
            {
                var batch = ReadRowGroup(reader.RowGroups[group], columns, file.Path, rowBase);
                for (int i = 0; i < batch.RowCount; i++)
                {
                    var document = ToDocument(batch, i, new SourceLocation(file.Path, Row: rowBase + i));
                    if (document is not null)
                        yield return document;
                }
                rowBase += batch.RowCount;

                // Only some columns are read, so bytes actually read say little; report progress by rows instead.
                long progress = totalRows > 0 ? (long)((double)file.Length * rowBase / totalRows) : 0;
                Session.AddBytesRead(progress - reportedBytes);
                reportedBytes = progress;
            }
            Session.AddBytesRead(file.Length - reportedBytes);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Opens a Parquet reader over <paramref name="stream"/>; a file that is not valid Parquet is unreadable (fatal).</summary>
    internal static ParquetReader Open(Stream stream, string path)
    {
        try
        {
            return ParquetReader.CreateAsync(stream, parquetOptions: null, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not CorpusException)
        {
            throw Unreadable(new SourceLocation(path), e);
        }
    }

    private CorpusDocument? ToDocument(RowGroupBatch batch, int row, SourceLocation location)
    {
        if (!TryGetRequired(batch.Ids, row, Options.IdField, CorpusErrorReason.MissingId, location, out string? id)
            || !TryGetRequired(batch.Texts, row, Options.TextField, CorpusErrorReason.MissingText, location, out string? text))
            return null;
        return Session.Accept(id, text, location, hasNamedFields: true,
            batch.Titles?.Values[row], batch.Urls?.Values[row], batch.Dates?.Values[row], batch.Sources?.Values[row]);
    }

    private bool TryGetRequired(ColumnValues column, int row, string field, CorpusErrorReason missingReason,
        SourceLocation location, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = column.Values[row];
        if (column.InvalidUtf8?[row] == true)
            Session.Reject(CorpusErrorReason.InvalidUtf8, location, field, $"field \"{field}\" is not valid UTF-8");
        else if (value is null)
            Session.Reject(missingReason, location, field, $"field \"{field}\" is null");
        else
            return true;
        return false;
    }

    // ---- schema ----

    private sealed record ParquetColumns(DataField Id, DataField Text, DataField? Title, DataField? Url, DataField? Date, DataField? Source);

    private ParquetColumns ResolveColumns(ParquetSchema schema, string path)
    {
        DataField? Find(string? name) =>
            name is null ? null : schema.Fields.OfType<DataField>().FirstOrDefault(field => field.Name == name);

        CorpusException Mismatch(string field, string detail) =>
            new(CorpusErrorReason.SchemaMismatch, new SourceLocation(path), field, detail);

        var id = Find(Options.IdField)
                 ?? throw Mismatch(Options.IdField, $"has no top-level column \"{Options.IdField}\"");
        if (id.IsArray || !(IsText(id) || IntegerKind(id) is not null))
            throw Mismatch(Options.IdField, $"column \"{Options.IdField}\" must hold strings or integers, not {Describe(id)}");

        var text = Find(Options.TextField)
                   ?? throw Mismatch(Options.TextField, $"has no top-level column \"{Options.TextField}\"");
        if (text.IsArray || !IsText(text))
            throw Mismatch(Options.TextField, $"column \"{Options.TextField}\" must hold strings, not {Describe(text)}");

        // Metadata is optional: a column of another type is ignored, as JSONL ignores non-string values.
        DataField? Optional(string? name) => Find(name) is { IsArray: false } field && IsText(field) ? field : null;
        return new ParquetColumns(id, text, Optional(Options.TitleField), Optional(Options.UrlField),
            Optional(Options.DateField), Optional(Options.SourceField));
    }

    private static bool IsText(DataField field) => IsString(field) || IsBinary(field);

    private static bool IsString(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string);

    private static bool IsBinary(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<byte>) || field.ClrType == typeof(byte[]);

    private static Type? IntegerKind(DataField field) =>
        Array.IndexOf(IntegerTypes, field.ClrType) >= 0 ? field.ClrType : null;

    private static readonly Type[] IntegerTypes =
        [typeof(long), typeof(int), typeof(short), typeof(sbyte), typeof(ulong), typeof(uint), typeof(ushort), typeof(byte)];

    private static string Describe(DataField field) => field.IsArray ? $"a list of {field.ClrType.Name}" : field.ClrType.Name;

    // ---- row groups ----

    /// <summary>One column of one row group as strings; for binary columns, which rows were not valid UTF-8.</summary>
    private sealed record ColumnValues(string?[] Values, bool[]? InvalidUtf8);

    private sealed record RowGroupBatch(int RowCount, ColumnValues Ids, ColumnValues Texts,
        ColumnValues? Titles, ColumnValues? Urls, ColumnValues? Dates, ColumnValues? Sources);

    private RowGroupBatch ReadRowGroup(ParquetRowGroupReader group, ParquetColumns columns, string path, long rowBase)
    {
        try
        {
            int rows = checked((int)group.RowCount);
            ColumnValues? Optional(DataField? field) => field is null ? null : ReadColumn(group, field, rows);
            return new RowGroupBatch(rows, ReadColumn(group, columns.Id, rows), ReadColumn(group, columns.Text, rows),
                Optional(columns.Title), Optional(columns.Url), Optional(columns.Date), Optional(columns.Source));
        }
        catch (Exception e) when (e is not CorpusException)
        {
            // Parquet.Net signals corrupt data with a variety of exception types; all of them mean the file is unusable.
            throw Unreadable(new SourceLocation(path, Row: rowBase), e);
        }
    }

    private ColumnValues ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (IsString(field))
        {
            var strings = new string?[rows];
            group.ReadAsync(field, strings.AsMemory()).GetAwaiter().GetResult();
            return new ColumnValues(strings, null);
        }
        if (IsBinary(field))
        {
            // Binary columns carry no encoding promise, so decode them ourselves under the configured policy.
            var bytes = new byte[]?[rows];
            group.ReadAsync(field, bytes.AsMemory()).GetAwaiter().GetResult();
            var values = new string?[rows];
            bool[]? invalid = null;
            for (int i = 0; i < rows; i++)
            {
                if (bytes[i] is not { } value)
                    continue;
                if (TextDecoding.TryDecode(TextDecoding.WithoutBom(value), Options.TextEncoding, out string text, out _))
                    values[i] = text;
                else
                    (invalid ??= new bool[rows])[i] = true;
            }
            return new ColumnValues(values, invalid);
        }
        return new ColumnValues(field.ClrType switch
        {
            var t when t == typeof(long) => ReadIntegers<long>(group, field, rows),
            var t when t == typeof(int) => ReadIntegers<int>(group, field, rows),
            var t when t == typeof(short) => ReadIntegers<short>(group, field, rows),
            var t when t == typeof(sbyte) => ReadIntegers<sbyte>(group, field, rows),
            var t when t == typeof(ulong) => ReadIntegers<ulong>(group, field, rows),
            var t when t == typeof(uint) => ReadIntegers<uint>(group, field, rows),
            var t when t == typeof(ushort) => ReadIntegers<ushort>(group, field, rows),
            var t when t == typeof(byte) => ReadIntegers<byte>(group, field, rows),
            _ => throw new InvalidOperationException($"Unexpected column type {field.ClrType}."),
        }, null);
    }

    private static string?[] ReadIntegers<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct, IFormattable
    {
        var result = new string?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
                result[i] = values[i]?.ToString(null, CultureInfo.InvariantCulture);
        }
        else
        {
            var values = new T[rows];
            group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
                result[i] = values[i].ToString(null, CultureInfo.InvariantCulture);
        }
        return result;
    }
}
