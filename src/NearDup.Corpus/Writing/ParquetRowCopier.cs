using System.Numerics;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace NearDup.Corpus;

/// <summary>
/// Copies chosen rows of a Parquet file into a new file with the same schema, column by column and row group by
/// row group, through the raw values/definition/repetition levels, so every column type (nested and repeated
/// ones included) is carried over without being interpreted.
/// </summary>
internal static class ParquetRowCopier
{
    /// <summary>Writes the rows of the Parquet file open in <paramref name="input"/> (left open; its path is
    /// <paramref name="inputPath"/>, for messages) whose 0-based indexes are in <paramref name="keptRows"/> (ascending)
    /// to <paramref name="output"/>. Row groups left with no rows are dropped.</summary>
    /// <returns>How many of <paramref name="keptRows"/> the file has (fewer than all only if it has fewer rows).</returns>
    public static async Task<int> CopyRowsAsync(Stream input, string inputPath, IReadOnlyList<long> keptRows, Stream output)
    {
        await using var reader = ParquetInputReader.Open(input, inputPath);

        // ParquetReader.Schema builds a new schema on every call; fields must come from the instance the writer uses.
        var schema = reader.Schema;
        var fields = schema.GetDataFields();
        var options = new ParquetOptions { CompressionMethod = CompressionOf(reader) };
        await using var writer = await ParquetWriter.CreateAsync(schema, output, options);
        writer.CustomMetadata = reader.CustomMetadata;

        int next = 0;
        long rowBase = 0;
        foreach (var group in reader.RowGroups)
        {
            long rowCount = group.RowCount;
            var keep = new bool[rowCount];
            int keptInGroup = 0;
            for (; next < keptRows.Count && keptRows[next] < rowBase + rowCount; next++, keptInGroup++)
                keep[keptRows[next] - rowBase] = true;
            rowBase += rowCount;
            if (keptInGroup == 0)
                continue;

            using var groupWriter = writer.CreateRowGroup();
            foreach (var field in fields)
                await CopyColumnAsync(field, group, groupWriter, keep);
            groupWriter.CompleteValidate();
        }
        return next;
    }

    /// <summary>
    /// Copies one column with the raw value type Parquet.Net reads it as. The types are listed, not bound by
    /// reflection, so a natively compiled (AOT) CLI has the code for each; a column of any other type is refused by
    /// name rather than copied wrongly.
    /// </summary>
    private static Task CopyColumnAsync(DataField field, ParquetRowGroupReader source, ParquetRowGroupWriter target, bool[] keepRow)
    {
        var type = field.ClrType;
        return type switch
        {
            _ when type == typeof(ReadOnlyMemory<char>) => CopyColumnAsync<ReadOnlyMemory<char>>(field, source, target, keepRow),
            _ when type == typeof(ReadOnlyMemory<byte>) => CopyColumnAsync<ReadOnlyMemory<byte>>(field, source, target, keepRow),
            _ when type == typeof(bool) => CopyColumnAsync<bool>(field, source, target, keepRow),
            _ when type == typeof(sbyte) => CopyColumnAsync<sbyte>(field, source, target, keepRow),
            _ when type == typeof(byte) => CopyColumnAsync<byte>(field, source, target, keepRow),
            _ when type == typeof(short) => CopyColumnAsync<short>(field, source, target, keepRow),
            _ when type == typeof(ushort) => CopyColumnAsync<ushort>(field, source, target, keepRow),
            _ when type == typeof(int) => CopyColumnAsync<int>(field, source, target, keepRow),
            _ when type == typeof(uint) => CopyColumnAsync<uint>(field, source, target, keepRow),
            _ when type == typeof(long) => CopyColumnAsync<long>(field, source, target, keepRow),
            _ when type == typeof(ulong) => CopyColumnAsync<ulong>(field, source, target, keepRow),
            _ when type == typeof(Half) => CopyColumnAsync<Half>(field, source, target, keepRow),
            _ when type == typeof(float) => CopyColumnAsync<float>(field, source, target, keepRow),
            _ when type == typeof(double) => CopyColumnAsync<double>(field, source, target, keepRow),
            _ when type == typeof(decimal) => CopyColumnAsync<decimal>(field, source, target, keepRow),
            _ when type == typeof(BigInteger) => CopyColumnAsync<BigInteger>(field, source, target, keepRow),
            _ when type == typeof(DateTime) => CopyColumnAsync<DateTime>(field, source, target, keepRow),
            _ when type == typeof(DateTimeOffset) => CopyColumnAsync<DateTimeOffset>(field, source, target, keepRow),
            _ when type == typeof(DateOnly) => CopyColumnAsync<DateOnly>(field, source, target, keepRow),
            _ when type == typeof(TimeOnly) => CopyColumnAsync<TimeOnly>(field, source, target, keepRow),
            _ when type == typeof(TimeSpan) => CopyColumnAsync<TimeSpan>(field, source, target, keepRow),
            _ when type == typeof(Guid) => CopyColumnAsync<Guid>(field, source, target, keepRow),
            _ => throw new NotSupportedException($"column '{field.Path}' has values of type {type.Name}, which the copy does not handle"),
        };
    }

    private static async Task CopyColumnAsync<T>(DataField field, ParquetRowGroupReader source, ParquetRowGroupWriter target, bool[] keepRow)
        where T : struct
    {
        long entryCount = source.GetMetadata(field)?.MetaData?.NumValues
                          ?? throw new InvalidDataException($"Column chunk metadata is missing for '{field.Path}'.");
        var values = new T[entryCount];
        int[]? definitions = field.MaxDefinitionLevel > 0 ? new int[entryCount] : null;
        int[]? repetitions = field.MaxRepetitionLevel > 0 ? new int[entryCount] : null;
        await source.ReadRawAsync(field, values.AsMemory(), definitions?.AsMemory(), repetitions?.AsMemory());

        var kept = KeepRows(field, values, definitions, repetitions, keepRow);
        await target.WriteAllPartsAsync<T>(field, kept.Values, kept.Definitions, kept.Repetitions, CancellationToken.None);
    }

    /// <summary>
    /// Filters raw column data by row. Entries (one per definition/repetition level) group into rows: a row starts
    /// at every entry with repetition level 0 (every entry, for non-repeated columns). Values are stored only for
    /// entries defined at the maximum level; the others are nulls or empty lists.
    /// </summary>
    private static (ReadOnlyMemory<T> Values, ReadOnlyMemory<int>? Definitions, ReadOnlyMemory<int>? Repetitions) KeepRows<T>(
        DataField field, T[] values, int[]? definitions, int[]? repetitions, bool[] keepRow)
    {
        int entryCount = definitions?.Length ?? repetitions?.Length ?? values.Length;
        var keptValues = new T[values.Length];
        int[]? keptDefinitions = definitions is null ? null : new int[entryCount];
        int[]? keptRepetitions = repetitions is null ? null : new int[entryCount];
        int row = -1, valueIndex = 0, keptValueCount = 0, keptEntryCount = 0;
        for (int entry = 0; entry < entryCount; entry++)
        {
            if (repetitions is null || repetitions[entry] == 0)
                row++;
            bool hasValue = definitions is null || definitions[entry] == field.MaxDefinitionLevel;
            if (keepRow[row])
            {
                if (keptDefinitions is not null)
                    keptDefinitions[keptEntryCount] = definitions![entry];
                if (keptRepetitions is not null)
                    keptRepetitions[keptEntryCount] = repetitions![entry];
                keptEntryCount++;
                if (hasValue)
                    keptValues[keptValueCount++] = values[valueIndex];
            }
            if (hasValue)
                valueIndex++;
        }
        return (keptValues.AsMemory(0, keptValueCount),
            keptDefinitions?.AsMemory(0, keptEntryCount),
            keptRepetitions?.AsMemory(0, keptEntryCount));
    }

    /// <summary>The input's codec (from its first column chunk), so the copy is compressed like the original.</summary>
    private static CompressionMethod CompressionOf(ParquetReader reader)
    {
        var codec = reader.Metadata?.RowGroups.FirstOrDefault()?.Columns.FirstOrDefault()?.MetaData?.Codec;
        return codec switch
        {
            CompressionCodec.UNCOMPRESSED => CompressionMethod.None,
            CompressionCodec.GZIP => CompressionMethod.Gzip,
            CompressionCodec.BROTLI => CompressionMethod.Brotli,
            CompressionCodec.ZSTD => CompressionMethod.Zstd,
            CompressionCodec.LZ4_RAW => CompressionMethod.Lz4Raw,
            _ => CompressionMethod.Snappy,
        };
    }
}
