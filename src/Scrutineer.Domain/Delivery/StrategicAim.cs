namespace Scrutineer.Domain.Delivery;

/// <summary>One strategic aim of a strand, in order from 1.</summary>
public sealed record StrategicAim(int Position, string Text);
