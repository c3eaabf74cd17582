namespace PreferenceFunctions.Rapidata.Models;

/// <summary>What <c>POST /order</c> returns: the order, its pipeline and the dataset datapoints go into.</summary>
public sealed record CreatedOrder(string OrderId, string PipelineId, string? DatasetId = null, string? CampaignId = null);
