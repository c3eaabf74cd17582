namespace PreferenceFunctions.Rapidata.Models;

/// <summary><c>CreateJobEndpoint_CostWarning</c>: the job's estimate is more than the owner's balance.</summary>
public sealed record JobCostWarning(double EstimatedCost, double AvailableBalance, double Shortfall);
