using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>Prints the stager's log lines (including its Debug phase timings) with the time since start.</summary>
public sealed class ConsoleLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.WriteLine($"    {formatter(state, exception)}");
}
