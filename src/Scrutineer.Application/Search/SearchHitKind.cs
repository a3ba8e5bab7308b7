namespace Scrutineer.Application.Search;

/// <summary>What a search found.</summary>
public enum SearchHitKind
{
    /// <summary>A "We will" commitment of a Police and Crime Plan.</summary>
    Commitment,

    /// <summary>A quarterly update's OFFICIAL commentary.</summary>
    Update,

    /// <summary>A crime prevention delivery task (its text, how it is measured, owner, risk or mitigation).</summary>
    DeliveryTask,
}
