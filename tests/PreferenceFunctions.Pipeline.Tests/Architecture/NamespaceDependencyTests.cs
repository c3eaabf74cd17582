using System.Text.RegularExpressions;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Architecture;

/// <summary>
/// The Pipeline's folders (= namespaces) depend on each other in one direction only: steps on the shared kernels
/// (Kernel, Ledger, Analysis), the run (Runs) on the steps, the hosting on everything. Read from the sources' usings.
/// </summary>
public sealed partial class NamespaceDependencyTests
{
    private const string Root = "PreferenceFunctions.Pipeline";

    [Fact]
    public void Pipeline_NamespaceGraph_HasNoCycles()
    {
        var graph = Graph();
        var cycles = new List<string>();
        var state = new Dictionary<string, int>();
        void Visit(string node, List<string> path)
        {
            state[node] = 1;
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (state.GetValueOrDefault(next) == 1) cycles.Add(string.Join(" -> ", path.SkipWhile(n => n != next).Append(next)));
                else if (!state.ContainsKey(next)) Visit(next, [.. path, next]);
            }
            state[node] = 2;
        }
        foreach (var node in graph.Keys.Order()) if (!state.ContainsKey(node)) Visit(node, [node]);

        Assert.True(graph.Count > 10, $"only {graph.Count} namespaces found: is the source folder right?");
        Assert.Empty(cycles);
    }

    [Theory]
    [InlineData("Kernel", new string[0])]
    [InlineData("Ledger", new[] { "Kernel" })]
    [InlineData("Analysis", new[] { "Kernel" })]
    [InlineData("Steps", new[] { "Kernel", "Ledger", "Analysis", "Steps" })]
    [InlineData("Runs", new[] { "Kernel", "Ledger", "Steps", "Runs" })]
    public void Pipeline_Namespace_DependsOnlyOnItsKernels(string folder, string[] allowed)
    {
        var offending = Graph()
            .Where(n => n.Key == folder || n.Key.StartsWith(folder + ".", StringComparison.Ordinal))
            .SelectMany(n => n.Value.Where(d => !allowed.Any(a => d == a || d.StartsWith(a + ".", StringComparison.Ordinal)))
                .Select(d => $"{n.Key} -> {d}"))
            .ToList();

        Assert.Empty(offending);
    }

    /// <summary>Namespace (relative to the Pipeline's root) -> the Pipeline namespaces its files import.</summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var folder = Path.Combine(Azurite.RepositoryRoot(), "src", Root);
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            var own = Relative(NamespacePattern().Match(text).Groups[1].Value);
            var edges = graph.TryGetValue(own, out var set) ? set : graph[own] = [];
            foreach (Match import in UsingPattern().Matches(text))
            {
                var target = Relative(import.Groups[1].Success ? import.Groups[1].Value : import.Groups[2].Value);
                if (target != own) edges.Add(target);
            }
        }
        return graph;
    }

    private static string Relative(string ns) => ns == Root ? "" : ns[(Root.Length + 1)..];

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    /// <summary>A using of a Pipeline namespace, or a <c>using static</c> of a Pipeline type (its namespace is taken).</summary>
    [GeneratedRegex(@"^using (?:(PreferenceFunctions\.Pipeline[\w.]*)|static (PreferenceFunctions\.Pipeline[\w.]*)\.\w+);", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
