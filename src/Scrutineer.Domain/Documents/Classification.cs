namespace Scrutineer.Domain.Documents;

/// <summary>Government Security Classification marking carried by every output.</summary>
public enum Classification
{
    /// <summary>OFFICIAL: may be published once approved.</summary>
    Official,

    /// <summary>OFFICIAL-SENSITIVE: left out of public versions.</summary>
    OfficialSensitive,
}
