namespace Scrutineer.Domain.Delivery;

/// <summary>A partnership board or group through which a strand is delivered ("Community Safety Partnerships").</summary>
public sealed record PartnershipForum(int Position, string Name);
