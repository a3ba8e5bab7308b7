using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Delivery;

/// <summary>One line of a task's quarterly update: something achieved in, or scheduled for after, <paramref name="Period"/>.</summary>
/// <param name="Period">The quarter reported on (a "scheduled" line is scheduled for the quarter after it).</param>
/// <param name="Kind">Achieved this quarter, or scheduled next quarter.</param>
/// <param name="Position">Order within the period and kind, from 1.</param>
/// <param name="Text">The line.</param>
public sealed record TaskQuarterNote(FinancialQuarter Period, QuarterNoteKind Kind, int Position, string Text);
