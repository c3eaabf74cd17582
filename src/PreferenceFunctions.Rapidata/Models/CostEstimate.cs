namespace PreferenceFunctions.Rapidata.Models;

/// <summary>The estimated cost of running a job definition to completion (<c>GET /job/definition/{id}/cost-estimate</c>).</summary>
public sealed record CostEstimate(double EstimatedCost, double CostPerResponse, long DatapointCount, long RequiredResponses);
