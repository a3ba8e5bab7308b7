namespace Scrutineer.Domain.Common;

/// <summary>
/// A rule of the domain was broken by a request that the user can correct: editing an approved update,
/// submitting to a closed round. The message is written for the user. Bugs throw other exceptions.
/// </summary>
public class DomainException(string message) : Exception(message);
