using PreferenceFunctions.Emulator.Faults;

namespace PreferenceFunctions.Emulator;

/// <summary>Checks settings on start and on every admin change, naming the setting that is wrong.</summary>
internal static class EmulatorOptionsValidator
{
    public static Dictionary<string, string[]> Validate(EmulatorOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string setting, string message)
        {
            if (!ok)
            {
                errors[setting] = [message];
            }
        }

        Check(!string.IsNullOrEmpty(options.ClientId), "Emulator:ClientId", "Must not be empty.");
        Check(!string.IsNullOrEmpty(options.ClientSecret), "Emulator:ClientSecret", "Must not be empty.");
        Check(options.TokenLifetime > TimeSpan.Zero, "Emulator:TokenLifetime", "Must be positive (hh:mm:ss).");
        var crowd = options.Crowd;
        Check(crowd.LowScoreVoterShare is >= 0 and <= 1, "Emulator:Crowd:LowScoreVoterShare", "Must be between 0 and 1.");
        Check(crowd.UnsureShare is >= 0 and <= 1, "Emulator:Crowd:UnsureShare", "Must be between 0 and 1.");
        Check(crowd.ImageNoise >= 0, "Emulator:Crowd:ImageNoise", "Must not be negative.");
        Check(crowd.DefaultStrength > 0, "Emulator:Crowd:DefaultStrength", "Must be positive.");
        Check(crowd.AnnotatorCount >= 1, "Emulator:Crowd:AnnotatorCount", "Must be at least 1.");
        Check(crowd.ReviewDelay >= TimeSpan.Zero, "Emulator:Crowd:ReviewDelay", "Must not be negative.");
        foreach (var (model, strength) in crowd.ModelStrengths)
        {
            Check(strength > 0, $"Emulator:Crowd:ModelStrengths:{model}", "A strength must be positive.");
        }

        for (var i = 0; i < options.Faults.Rules.Count; i++)
        {
            var rule = options.Faults.Rules[i];
            var prefix = $"Emulator:Faults:Rules:{i}";
            Check(rule.TooManyRequestsRate is >= 0 and <= 1, $"{prefix}:TooManyRequestsRate", "Must be between 0 and 1.");
            Check(rule.ServiceUnavailableRate is >= 0 and <= 1, $"{prefix}:ServiceUnavailableRate", "Must be between 0 and 1.");
            Check(rule.ServerErrorRate is >= 0 and <= 1, $"{prefix}:ServerErrorRate", "Must be between 0 and 1.");
            Check(rule.TooManyRequestsRate + rule.ServiceUnavailableRate + rule.ServerErrorRate <= 1, prefix, "The error rates add up to more than 1.");
            Check(rule.ServerErrorStatus is >= 500 and <= 599, $"{prefix}:ServerErrorStatus", "Must be a 5xx status (500-599).");
            Check(rule.RetryAfterSeconds >= 0, $"{prefix}:RetryAfterSeconds", "Must not be negative.");
            Check(rule.LatencyMs >= 0, $"{prefix}:LatencyMs", "Must not be negative.");
        }

        for (var i = 0; i < options.Faults.Outages.Count; i++)
        {
            foreach (var (key, messages) in ValidateOutage(options.Faults.Outages[i], $"Emulator:Faults:Outages:{i}"))
            {
                errors[key] = messages;
            }
        }

        return errors;
    }

    /// <summary>Checks one outage window; keys are <paramref name="prefix"/>:Setting.</summary>
    public static Dictionary<string, string[]> ValidateOutage(OutageWindow? window, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        if (window is null)
        {
            errors[prefix] = ["An outage window is required."];
            return errors;
        }

        void Check(bool ok, string setting, string message)
        {
            if (!ok)
            {
                errors[$"{prefix}:{setting}"] = [message];
            }
        }

        Check(EndpointSelector.Problem(window.Endpoint) is null, "Endpoint", EndpointSelector.Problem(window.Endpoint) ?? "");
        Check(window.StartsAt is null || window.StartsIn is null, "StartsIn", "Give StartsAt (absolute) or StartsIn (from now), not both.");
        Check(window.StartsIn is null || window.StartsIn >= TimeSpan.Zero, "StartsIn", "Must not be negative (hh:mm:ss).");
        Check(window.Duration > TimeSpan.Zero, "Duration", "Must be positive (hh:mm:ss).");
        Check(window.Status is 429 or (>= 500 and <= 599), "Status", "Must be 429 or a 5xx status (500-599).");
        Check(window.RetryAfterSeconds is null or >= 0, "RetryAfterSeconds", "Must not be negative.");
        return errors;
    }
}
