using System.Globalization;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>A matchups.csv row's position: "12", or "12 (line 14)" when quoted newlines shifted the lines.</summary>
internal readonly record struct RowAt(int Row, int Line)
{
    public override string ToString() => Row == Line ? Row.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Row} (line {Line})");
}
