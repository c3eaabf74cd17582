using Microsoft.AspNetCore.Http;

namespace PreferenceFunctions.Pipeline.Tests.Notifications;

public sealed record CapturedRequest(string Method, string PathAndQuery, string Body, IHeaderDictionary Headers);
