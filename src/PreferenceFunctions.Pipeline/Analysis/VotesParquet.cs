using Parquet;
using Parquet.Schema;

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// The votes export: one Parquet row per vote (<see cref="VoteRow"/>), snake_case columns for pandas/polars, the vote's
/// <c>round</c> (an export written before rounds had none: read as round 1), one
/// nullable <c>user_score_&lt;dimension&gt;</c> column per userScores dimension found in the votes. Rows are written
/// in row groups of <see cref="RowGroupSize"/>, so a large run never holds more than one group.
/// </summary>
public static class VotesParquet
{
    public const int RowGroupSize = 50_000;
    public const string UserScorePrefix = "user_score_";

    private const string RoundColumn = "round";

    // Names, not DataField instances: Parquet.Net sets a field's levels when a schema takes it in (PropagateLevels assigns,
    // then increments), so a field shared by two schemas built at the same time could be written with a definition
    // level of 2. Each file gets its own fields (VotesSchema).
    private static readonly (string Name, Func<VoteRow, string?> Value)[] TextColumns =
    [
        ("run_id", r => r.RunId), ("matchup_id", r => r.MatchupId), ("prompt", r => r.Prompt), ("model_a", r => r.ModelA),
        ("model_b", r => r.ModelB), ("image_a", r => r.ImageA), ("image_b", r => r.ImageB), ("voted_for", r => r.VotedFor),
        ("voted_model", r => r.VotedModel), ("country", r => r.Country), ("language", r => r.Language), ("age", r => r.Age),
        ("gender", r => r.Gender), ("occupation", r => r.Occupation),
    ];

    /// <summary>Writes every row. <paramref name="rows"/> is enumerated once when the first row group names every userScores
    /// dimension (a Parquet schema is fixed before the first row group is written); when a later row brings a new one, the
    /// file is started over: once more to find every dimension, once more to write.</summary>
    /// <param name="output">A writable, seekable stream (Parquet.Net's requirement), left open.</param>
    /// <returns>The rows written.</returns>
    public static async Task<long> WriteAsync(Func<IAsyncEnumerable<VoteRow>> rows, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var start = output.Position;
        var dimensions = new SortedSet<string>(StringComparer.Ordinal);
        // A crowd's votes carry the same scores, so the first group's dimensions are nearly always all of them: one pass
        // over the documents instead of two.
        if (await TryWriteAsync(rows(), dimensions, learnFromFirstGroup: true, output, cancellationToken).ConfigureAwait(false) is { } written)
            return written;

        output.SetLength(start);
        output.Position = start;
        await foreach (var row in rows().WithCancellation(cancellationToken).ConfigureAwait(false)) dimensions.UnionWith(row.UserScores.Keys);
        return await TryWriteAsync(rows(), dimensions, learnFromFirstGroup: false, output, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The votes changed between two reads of the same documents.");
    }

    /// <returns>The rows written, or null when a row has a dimension the schema lacks (the output is then to be discarded).</returns>
    private static async Task<long?> TryWriteAsync(IAsyncEnumerable<VoteRow> rows, SortedSet<string> dimensions, bool learnFromFirstGroup,
        Stream output, CancellationToken cancellationToken)
    {
        ParquetWriter? writer = null;
        VotesSchema? schema = null;
        async Task<ParquetWriter> WriterAsync()
        {
            if (writer is not null) return writer;
            schema = new VotesSchema(dimensions);
            return writer = await ParquetWriter.CreateAsync(schema.Parquet, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        try
        {
            long written = 0;
            var batch = new List<VoteRow>(RowGroupSize);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (writer is null && learnFromFirstGroup) dimensions.UnionWith(row.UserScores.Keys);
                else if (!row.UserScores.Keys.All(dimensions.Contains)) return null;
                batch.Add(row);
                if (batch.Count < RowGroupSize) continue;
                await WriteGroupAsync(await WriterAsync().ConfigureAwait(false), schema!, batch, cancellationToken).ConfigureAwait(false);
                written += batch.Count;
                batch.Clear();
            }
            if (batch.Count > 0 || written == 0)
                await WriteGroupAsync(await WriterAsync().ConfigureAwait(false), schema!, batch, cancellationToken).ConfigureAwait(false);
            return written + batch.Count;
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes rows already in memory.</summary>
    /// <inheritdoc cref="WriteAsync(Func{IAsyncEnumerable{VoteRow}}, Stream, CancellationToken)"/>
    public static Task<long> WriteAsync(IReadOnlyCollection<VoteRow> rows, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
#pragma warning disable CS1998 // an iterator over memory: nothing to await
        async IAsyncEnumerable<VoteRow> Rows()
        {
            foreach (var row in rows) yield return row;
        }
#pragma warning restore CS1998
        return WriteAsync(Rows, output, cancellationToken);
    }

    /// <summary>Reads a votes export back, one row group at a time.</summary>
    /// <param name="input">A readable, seekable stream (Parquet.Net's requirement), left open.</param>
    /// <exception cref="IOException">Not a Parquet file.</exception>
    /// <exception cref="InvalidDataException">A Parquet file without the votes export's columns.</exception>
    public static async IAsyncEnumerable<VoteRow> ReadAsync(Stream input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var missing = TextColumns.Select(c => c.Name).Where(name => fields.All(f => f.Name != name)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"not a votes export: the columns {string.Join(", ", missing)} are missing");
        var scoreFields = fields.Where(f => f.Name.StartsWith(UserScorePrefix, StringComparison.Ordinal)).ToArray();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = checked((int)rowGroup.RowCount);
            var text = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var (name, _) in TextColumns)
            {
                var values = new string?[count];
                await rowGroup.ReadAsync(fields.First(f => f.Name == name), values.AsMemory()!, cancellationToken: cancellationToken).ConfigureAwait(false);
                text[name] = values;
            }
            var rounds = new int[count];
            if (fields.FirstOrDefault(f => f.Name == RoundColumn) is { } roundField)
                await rowGroup.ReadAsync<int>(roundField, rounds.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
            else Array.Fill(rounds, 1);
            var scores = new List<(string Dimension, double?[] Values)>();
            foreach (var field in scoreFields)
            {
                var values = new double?[count];
                await rowGroup.ReadAsync<double>(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                scores.Add((field.Name[UserScorePrefix.Length..], values));
            }
            for (var i = 0; i < count; i++)
            {
                string? T(string column) => text[column][i];
                var userScores = scores.Where(s => s.Values[i].HasValue).ToDictionary(s => s.Dimension, s => s.Values[i]!.Value, StringComparer.Ordinal);
                yield return new VoteRow(T("run_id"), T("matchup_id") ?? "", T("prompt") ?? "", T("model_a") ?? "", T("model_b") ?? "",
                    T("image_a") ?? "", T("image_b") ?? "", T("voted_for"), T("voted_model"), T("country"), T("language"), T("age"),
                    T("gender"), T("occupation"), userScores, rounds[i]);
            }
        }
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, VotesSchema schema, IReadOnlyList<VoteRow> batch,
        CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < TextColumns.Length; c++)
            await group.WriteAsync(schema.Text[c], batch.Select(TextColumns[c].Value).ToArray()).ConfigureAwait(false);
        await group.WriteAsync<int>(schema.Round, batch.Select(r => r.Round).ToArray().AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var (dimension, field) in schema.Scores)
        {
            var values = batch.Select(r => r.UserScores.TryGetValue(dimension, out var score) ? score : (double?)null).ToArray();
            await group.WriteAsync<double>(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One file's schema: the text columns in <see cref="TextColumns"/> order, the round, one score column per
    /// dimension in ordinal order. Fields are made for this schema alone (see <see cref="TextColumns"/>).</summary>
    private sealed class VotesSchema
    {
        public DataField<string>[] Text { get; } = [.. TextColumns.Select(c => new DataField<string>(c.Name, nullable: true))];
        public DataField<int> Round { get; } = new(RoundColumn);
        public (string Dimension, DataField<double?> Field)[] Scores { get; }
        public ParquetSchema Parquet { get; }

        public VotesSchema(IEnumerable<string> dimensions)
        {
            Scores = [.. dimensions.Select(d => (d, new DataField<double?>(UserScorePrefix + d)))];
            Parquet = new ParquetSchema([.. Text, Round, .. Scores.Select(s => (Field)s.Field)]);
        }
    }
}
