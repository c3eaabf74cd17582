using Microsoft.AspNetCore.Http;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

public sealed record CapturedRequest(string Method, string PathAndQuery, string Body, IHeaderDictionary Headers);
