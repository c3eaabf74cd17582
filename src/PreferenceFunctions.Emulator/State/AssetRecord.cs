namespace PreferenceFunctions.Emulator.State;

/// <summary>An uploaded file: only its name, original name, size and hash are kept (never its bytes).</summary>
internal sealed record AssetRecord(string FileName, string OriginalName, long SizeBytes, string Sha256);
