using System.Collections.Concurrent;
using System.Diagnostics;

namespace PreferenceFunctions.Tests.Upload;

/// <summary>
/// Records the HTTP requests (method and URL) sent under this recorder's trace: the requests of the code a test awaits, not
/// those of other tests running in the same process. Started in the test, it is the parent of every request that follows.
/// </summary>
internal sealed class HttpRequestRecorder : IDisposable
{
    private readonly Activity _root = new Activity(nameof(HttpRequestRecorder)).SetIdFormat(ActivityIdFormat.W3C).Start();
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Method, Uri Url)> _requests = new();

    public HttpRequestRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != _root.TraceId || activity.GetTagItem("url.full") is not string url) return;
                _requests.Enqueue((activity.GetTagItem("http.request.method") as string ?? "?", new Uri(url)));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Requests to a table or its transactions (<c>$batch</c>), by method.</summary>
    public IReadOnlyList<(string Method, Uri Url)> ToTable(string table) => _requests
        .Where(r => r.Url.AbsolutePath.Contains($"/{table}(", StringComparison.Ordinal) || r.Url.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
        .ToList();

    /// <summary>Requests to a blob container or its blobs, by method.</summary>
    public IReadOnlyList<(string Method, Uri Url)> ToContainer(string container) => _requests
        .Where(r => r.Url.AbsolutePath.Contains($"/{container}/", StringComparison.Ordinal) || r.Url.AbsolutePath.EndsWith($"/{container}", StringComparison.Ordinal))
        .ToList();

    public void Dispose()
    {
        _listener.Dispose();
        _root.Stop();
    }
}
