namespace Scrutineer.Application.Search;

/// <summary>One thing a search found, with the words around the first match.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">The record's store identity (the commitment, update or task).</param>
/// <param name="CommitmentId">For an update, its commitment (whose page lists it); otherwise the commitment itself or null.</param>
/// <param name="Title">"Commitment 3.2", "Update on 3.2 from North LPA, Q4 2023/24", "Task PREVENT 4".</param>
/// <param name="Detail">Where it sits: the plan and priority, the update's state, the strand and plan of a task.</param>
/// <param name="Snippet">Up to about 200 characters of OFFICIAL text around the first match.</param>
public sealed record SearchHit(SearchHitKind Kind, int Id, int? CommitmentId, string Title, string Detail, string Snippet);
