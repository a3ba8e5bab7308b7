using Scrutineer.Domain.Common;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// Publishing refused because something in the round is not ready and nobody confirmed publishing anyway. The message
/// gives the counts and what to do; <see cref="Readiness"/> holds the list, for the command line and the web page to show.
/// </summary>
public sealed class RoundNotReadyToPublish(PublishReadiness readiness)
    : DomainException(readiness.Summary + " Review them, or confirm that the round should be published anyway.")
{
    /// <summary>What is not ready.</summary>
    public PublishReadiness Readiness { get; } = readiness;
}
